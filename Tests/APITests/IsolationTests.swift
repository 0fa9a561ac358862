import Domain
import Foundation
import HTTPTypes
import HummingbirdTesting
import TestSupport
import Testing

@testable import API

/// Two active tenants, A and B: a token and ids valid in A never reach B's data, and the reverse.
@Suite struct IsolationTests {
    @Test func aTokenAndIdFromOneTenantNeverReachAnothersData() async throws {
        let app = try TestApp()
        let tenantA = try await app.activate("kommune-0301")
        let tenantB = try await app.activate("kommune-4601")
        let lisA = try await app.token(subject: "lis-a", pid: Fixtures.lisPID, name: "Anne i Oslo")
        let lisB = try await app.token(subject: "lis-b", pid: Fixtures.otherPID, name: "Bjørn i Bergen")
        try await app.test { client in
            func register(_ tenant: TenantID, _ token: String) async throws -> String {
                try await client.execute(
                    uri: "/api/v1/tenants/\(tenant)/trainees/me", method: .post, headers: .json(bearer: token),
                    body: .json(#"{"programme":"lis1"}"#)
                ) { response in
                    #expect(response.status == .created)
                    return try response.json()["id"] as? String ?? ""
                }
            }
            let idA = try await register(tenantA, lisA)
            let idB = try await register(tenantB, lisB)

            // A's token on B's paths: A is not registered there.
            try await client.execute(uri: "/api/v1/tenants/\(tenantB)/trainees/me", method: .get, headers: .bearer(lisA)) {
                #expect($0.status == .notFound)
                #expect($0.problem?.code == "trainee.not-registered")
            }
            // A's id through B's path, with A's token or B's: no such LIS in B.
            for token in [lisA, lisB] {
                try await client.execute(uri: "/api/v1/tenants/\(tenantB)/trainees/\(idA)", method: .get, headers: .bearer(token)) {
                    #expect($0.status == .notFound)
                    #expect($0.problem?.code == "trainee.not-found")
                }
            }
            // B's id through A's path.
            try await client.execute(uri: "/api/v1/tenants/\(tenantA)/trainees/\(idB)", method: .get, headers: .bearer(lisB)) {
                #expect($0.status == .notFound)
            }
            // Every tenant-scoped GET with A's ids against B returns none of A's data.
            for operation in try await TenantOperation.fetchAll(client) where operation.method == .get {
                try await client.execute(
                    uri: operation.uri(tenant: tenantB.rawValue, traineeID: idA), method: .get, headers: .bearer(lisA)
                ) { response in
                    let text = String(buffer: response.body)
                    #expect(!text.contains(idA), "\(operation)")
                    #expect(!text.contains("Anne i Oslo"), "\(operation)")
                }
            }
            // Within one tenant, a LIS cannot read another LIS's record.
            let lisA2 = try await app.token(subject: "lis-a2", pid: "30108299939", name: "Arne i Oslo")
            try await client.execute(uri: "/api/v1/tenants/\(tenantA)/trainees/\(idA)", method: .get, headers: .bearer(lisA2)) {
                #expect($0.status == .forbidden)
                #expect(!String(buffer: $0.body).contains("Anne i Oslo"))
            }
        }
        #expect(try await app.services.tenantStore.withDatabase(tenantA) { try $0.traineeCount() } == 1)
        #expect(try await app.services.tenantStore.withDatabase(tenantB) { try $0.traineeCount() } == 1)
    }

    @Test func theSamePersonInTwoTenantsHasTwoSeparateRecords() async throws {
        let app = try TestApp()
        let tenantA = try await app.activate("kommune-0301")
        let tenantB = try await app.activate("kommune-4601")
        let token = try await app.token()
        try await app.test { client in
            var ids: [String] = []
            for tenant in [tenantA, tenantB] {
                let id = try await client.execute(
                    uri: "/api/v1/tenants/\(tenant)/trainees/me", method: .post, headers: .json(bearer: token),
                    body: .json(#"{"programme":"alis"}"#)
                ) { try $0.json()["id"] as? String }
                ids.append(try #require(id))
            }
            #expect(ids[0] != ids[1])
            let readA = try await client.execute(uri: "/api/v1/tenants/\(tenantA)/trainees/me", method: .get, headers: .bearer(token)) {
                try $0.json()["tenantId"] as? String
            }
            #expect(readA == "kommune-0301")
        }
    }
}

import Domain
import Foundation
import GRDB
import HTTPTypes
import HummingbirdTesting
import NIOCore
import TestSupport
import Testing

@testable import API

@Suite struct TraineeTests {
    @Test func aPersonRegistersAsALISAndReadsTheirRecordBack() async throws {
        let app = try TestApp()
        let id = try await app.activate("kommune-0301")
        let token = try await app.token()
        try await app.test { client in
            let created = try await client.execute(
                uri: "/api/v1/tenants/\(id)/trainees/me", method: .post, headers: .json(bearer: token),
                body: .json(#"{"programme":"lis1","email":"lise@example.no"}"#)
            ) { response in
                #expect(response.status == .created)
                return try response.json()
            }
            #expect(created["name"] as? String == "Lise Lege")
            #expect(created["programme"] as? String == "lis1")
            #expect(created["tenantId"] as? String == "kommune-0301")
            let traineeID = try #require(created["id"] as? String)
            try await client.execute(uri: "/api/v1/tenants/\(id)/trainees/me", method: .get, headers: .bearer(token)) {
                response in
                #expect(response.status == .ok)
                let body = try response.json()
                #expect(body["id"] as? String == traineeID)
                #expect(body["email"] as? String == "lise@example.no")
            }
            try await client.execute(
                uri: "/api/v1/tenants/\(id)/trainees/\(traineeID)", method: .get, headers: .bearer(token)
            ) { response in
                #expect(response.status == .ok)
            }
        }
    }

    @Test func theRecordLandsInTheTenantsFileWithoutTheNationalIdentityNumber() async throws {
        let app = try TestApp()
        let oslo = try await app.activate("kommune-0301")
        let bergen = try await app.activate("kommune-4601")
        let token = try await app.token()
        try await app.test { client in
            try await client.execute(
                uri: "/api/v1/tenants/\(oslo)/trainees/me", method: .post, headers: .json(bearer: token),
                body: .json(#"{"programme":"lis1"}"#)
            ) { #expect($0.status == .created) }
        }
        await app.services.tenantStore.closeAll()
        func count(_ tenant: TenantID) throws -> Int {
            let queue = try DatabaseQueue(path: app.services.directory.databasePath(for: tenant))
            defer { try? queue.close() }
            return try queue.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM trainee") ?? -1 }
        }
        #expect(try count(oslo) == 1)
        #expect(try count(bergen) == 0)
        // Neither the tenant file nor the registry holds the number in clear.
        for path in [app.services.directory.databasePath(for: oslo), app.services.directory.registryPath] {
            for suffix in ["", "-wal"] where FileManager.default.fileExists(atPath: path + suffix) {
                let bytes = try Data(contentsOf: URL(fileURLWithPath: path + suffix))
                #expect(bytes.range(of: Data(Fixtures.lisPID.utf8)) == nil)
            }
        }
    }

    @Test func registeringTwiceIsAConflictAndWritesNothing() async throws {
        let app = try TestApp()
        let id = try await app.activate("kommune-0301")
        let token = try await app.token()
        try await app.test { client in
            for expected in [HTTPResponse.Status.created, .conflict] {
                try await client.execute(
                    uri: "/api/v1/tenants/\(id)/trainees/me", method: .post, headers: .json(bearer: token),
                    body: .json(#"{"programme":"alis"}"#)
                ) { response in
                    #expect(response.status == expected)
                    if expected == .conflict { #expect(response.problem?.code == "trainee.already-registered") }
                }
            }
        }
        #expect(try await app.services.tenantStore.withDatabase(id) { try $0.traineeCount() } == 1)
    }

    /// Bad bodies: each a 4xx problem naming what is wrong, and nothing written.
    static let badBodies: [(String, HTTPResponse.Status, String, String?)] = [
        (#"{"programme":"#, .badRequest, "request.malformed", nil),
        ("not json at all", .badRequest, "request.malformed", nil),
        ("{}", .badRequest, "request.missing-field", "programme"),
        (#"{"email":"lise@example.no"}"#, .badRequest, "request.missing-field", "programme"),
        (#"{"programme":"surgery"}"#, .badRequest, "request.invalid-field", "programme"),
        (#"{"programme":42}"#, .badRequest, "request.invalid-field", "programme"),
        (#"{"programme":"lis1","email":"not-an-address"}"#, .badRequest, "validation.failed", "email"),
        (#"{"programme":"lis1","email":""}"#, .badRequest, "validation.failed", "email"),
    ]

    @Test(arguments: badBodies)
    func aBadRegistrationIsRefusedNamingTheProblem(
        _ body: String, _ status: HTTPResponse.Status, _ code: String, _ field: String?
    ) async throws {
        let app = try TestApp()
        let id = try await app.activate("kommune-0301")
        let token = try await app.token()
        try await app.test { client in
            try await client.execute(
                uri: "/api/v1/tenants/\(id)/trainees/me", method: .post, headers: .json(bearer: token), body: .json(body)
            ) { response in
                #expect(response.status == status)
                #expect(response.problem?.code == code)
                #expect(response.problem?.field == field)
                #expect(response.problem?.detail?.contains("SELECT") != true)
            }
        }
        #expect(try await app.services.tenantStore.withDatabase(id) { try $0.traineeCount() } == 0)
    }

    @Test func aTooLargeBodyIsRefusedBeforeAnyHandler() async throws {
        let app = try TestApp(maxBodyBytes: 1024)
        let id = try await app.activate("kommune-0301")
        let token = try await app.token()
        let padding = String(repeating: "x", count: 2000)
        try await app.test { client in
            try await client.execute(
                uri: "/api/v1/tenants/\(id)/trainees/me", method: .post, headers: .json(bearer: token),
                body: .json(#"{"programme":"lis1","email":"\#(padding)@example.no"}"#)
            ) { response in
                #expect(response.status == .contentTooLarge)
                #expect(response.problem?.code == "request.too-large")
            }
        }
        #expect(try await app.services.tenantStore.withDatabase(id) { try $0.traineeCount() } == 0)
    }

    @Test func aBodyThatIsNotJSONIsUnsupported() async throws {
        let app = try TestApp()
        let id = try await app.activate("kommune-0301")
        let token = try await app.token()
        try await app.test { client in
            try await client.execute(
                uri: "/api/v1/tenants/\(id)/trainees/me", method: .post,
                headers: [.authorization: "Bearer \(token)", .contentType: "text/plain"], body: .json("programme=lis1")
            ) { response in
                #expect(response.status.code / 100 == 4)
                #expect(response.problem?.code == "request.invalid")
            }
        }
    }

    @Test func readingOneselfBeforeRegisteringIsNotFound() async throws {
        let app = try TestApp()
        let id = try await app.activate("kommune-0301")
        let token = try await app.token()
        try await app.test { client in
            try await client.execute(uri: "/api/v1/tenants/\(id)/trainees/me", method: .get, headers: .bearer(token)) {
                #expect($0.status == .notFound)
                #expect($0.problem?.code == "trainee.not-registered")
            }
            try await client.execute(uri: "/api/v1/tenants/\(id)/trainees/not-a-uuid", method: .get, headers: .bearer(token)) {
                #expect($0.status == .badRequest)
                #expect($0.problem?.field == "traineeId")
            }
        }
    }
}

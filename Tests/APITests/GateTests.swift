import Domain
import Engine
import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import TestSupport
import Testing

@testable import API

@Suite struct GateTests {
    @Test func theOperationListIsReadFromTheSpec() async throws {
        let app = try TestApp()
        try await app.test { client in
            let operations = try await TenantOperation.fetchAll(client)
            #expect(operations.count >= 3)
            #expect(operations.contains { $0.method == .post && $0.pathTemplate == "/api/v1/tenants/{tenantId}/trainees/me" })
        }
    }

    @Test func aProvisionedTenantWithoutAnAgreementRefusesEveryOperationWithoutOpeningItsFile() async throws {
        let app = try TestApp()
        let id = Fixtures.tenantID("kommune-0301")
        _ = try await app.services.provisioner.provision(id, actor: "test", at: Date())
        let token = try await app.token()
        try await app.test { client in
            for operation in try await TenantOperation.fetchAll(client) {
                for headers in [HTTPFields.json(bearer: token), [:]] {
                    try await client.execute(
                        uri: operation.uri(tenant: id.rawValue), method: operation.method, headers: headers,
                        body: .json(#"{"programme":"lis1"}"#)
                    ) { response in
                        #expect(response.status == .forbidden, "\(operation)")
                        #expect(response.problem?.code == "agreement.required", "\(operation)")
                    }
                }
            }
        }
        #expect(!app.services.tenantStore.isOpen(id))
        #expect(app.services.tenantStore.openCount == 0)
    }

    @Test func aSuspendedTenantRefusesEveryOperationSayingWhy() async throws {
        let app = try TestApp()
        let id = try await app.activate("kommune-4601")
        _ = try await app.services.registry.apply(.suspend, to: id, actor: "test", at: Date())
        let token = try await app.token()
        try await app.test { client in
            for operation in try await TenantOperation.fetchAll(client) {
                try await client.execute(
                    uri: operation.uri(tenant: id.rawValue), method: operation.method, headers: .json(bearer: token),
                    body: .json(#"{"programme":"lis1"}"#)
                ) { response in
                    #expect(response.status == .forbidden, "\(operation)")
                    #expect(response.problem?.code == "tenant.suspended", "\(operation)")
                }
            }
        }
    }

    @Test func aTerminatedTenantIsClosed() async throws {
        let app = try TestApp()
        let id = try await app.activate("kommune-5001")
        _ = try await app.services.engine.agreements.terminate(
            id, noticeDate: app.clock.now.isoDay, reason: nil, by: PlatformCaller(operator: "test"))
        let token = try await app.token()
        try await app.test { client in
            try await client.execute(uri: "/api/v1/tenants/\(id)/trainees/me", method: .get, headers: .bearer(token)) {
                #expect($0.status == .forbidden)
                #expect($0.problem?.code == "tenant.terminated")
            }
        }
    }

    @Test func anUnknownTenantIsNotFoundForEveryOperation() async throws {
        let app = try TestApp()
        let token = try await app.token()
        try await app.test { client in
            for operation in try await TenantOperation.fetchAll(client) {
                try await client.execute(
                    uri: operation.uri(tenant: "no-such-tenant"), method: operation.method, headers: .json(bearer: token),
                    body: .json("{}")
                ) { response in
                    #expect(response.status == .notFound, "\(operation)")
                    #expect(response.problem?.code == "tenant.unknown", "\(operation)")
                }
            }
        }
        #expect(!FileManager.default.fileExists(atPath: app.folder.url.appendingPathComponent("no-such-tenant").path))
    }

    @Test(arguments: ["..", "KOMMUNE-0301", "a%2Fb", "kommune_0301", String(repeating: "a", count: 200), "%2E%2E"])
    func anInvalidTenantIDIsABadRequestNamingTheField(_ raw: String) async throws {
        let app = try TestApp()
        let token = try await app.token()
        try await app.test { client in
            try await client.execute(uri: "/api/v1/tenants/\(raw)/trainees/me", method: .get, headers: .bearer(token)) {
                response in
                #expect(response.status == .badRequest)
                #expect(response.problem?.field == "tenantId")
            }
        }
        let entries = try FileManager.default.contentsOfDirectory(atPath: app.folder.path).sorted()
        #expect(entries == ["_registry", "_template"])
    }

    @Test func aNewTenantIsLetInOnceActivatedAndShutOutOnceSuspended() async throws {
        let app = try TestApp()
        let token = try await app.token()
        let id = try await app.activate("legesenteret")
        try await app.test { client in
            try await client.execute(uri: "/api/v1/tenants/\(id)/trainees/me", method: .get, headers: .bearer(token)) {
                #expect($0.problem?.code == "trainee.not-registered")
            }
            _ = try await app.services.registry.apply(.suspend, to: id, actor: "test", at: Date())
            try await client.execute(uri: "/api/v1/tenants/\(id)/trainees/me", method: .get, headers: .bearer(token)) {
                #expect($0.problem?.code == "tenant.suspended")
            }
        }
    }
}

import Domain
import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import TestSupport
import Testing

@testable import API

@Suite struct SupportTests {
    @Test func supportCreatesProvisionsActivatesSuspendsAndResumesAVirksomhet() async throws {
        let app = try TestApp()
        let support = try await app.supportToken()
        try await app.test { client in
            try await client.execute(
                uri: "/api/v1/support/tenants", method: .post, headers: .json(bearer: support),
                body: .json(#"{"id":"legesenteret","organisationNumber":"988077917","name":"Legesenteret AS"}"#)
            ) { response in
                #expect(response.status == .created)
                let body = try response.json()
                #expect(body["status"] as? String == "registered")
                #expect(body["kind"] as? String == "virksomhet")
                #expect(body["provisioned"] as? Bool == false)
            }
            try await client.execute(uri: "/api/v1/support/tenants/legesenteret/activate", method: .post, headers: .bearer(support)) {
                #expect($0.status == .notFound, "tenants open only by countersigning an agreement")
            }
            try await client.execute(uri: "/api/v1/support/tenants/legesenteret/provision", method: .post, headers: .bearer(support)) {
                #expect($0.status == .ok)
            }
        }
        try await app.services.registry.openForTests(
            Fixtures.tenantID("legesenteret"), provisioner: app.services.provisioner, seal: app.services.seal)
        try await app.test { client in
            for (step, status) in [("suspend", "suspended"), ("resume", "active")] {
                try await client.execute(uri: "/api/v1/support/tenants/legesenteret/\(step)", method: .post, headers: .bearer(support)) {
                    response in
                    #expect(response.status == .ok, "\(step)")
                    let body = try response.json()
                    #expect(body["status"] as? String == status, "\(step)")
                }
            }
            try await client.execute(uri: "/api/v1/support/tenants/legesenteret/provision", method: .post, headers: .bearer(support)) {
                #expect($0.status == .conflict)
                #expect($0.problem?.code == "tenant.already-provisioned")
            }
            try await client.execute(uri: "/api/v1/support/tenants/legesenteret/resume", method: .post, headers: .bearer(support)) {
                #expect($0.status == .conflict)
                #expect($0.problem?.code == "tenant.transition-not-allowed")
            }
            try await client.execute(uri: "/api/v1/support/tenants?status=active", method: .get, headers: .bearer(support)) {
                let tenants = try $0.json()["tenants"] as? [[String: Any]]
                #expect(tenants?.map { $0["id"] as? String } == ["legesenteret"])
            }
        }
        let events = try app.services.registry.events(of: Fixtures.tenantID("legesenteret"))
        #expect(events.map(\.action) == ["create", "provision", "agreement.sign", "agreement.countersign", "suspend", "resume"])
        #expect(events.filter { $0.action != "agreement.sign" && $0.action != "agreement.countersign" }
            .allSatisfy { $0.actor == "support:\(TestApp.supportSubject)" })
    }

    @Test func theTenantListShowsAllKommunerWithStatus() async throws {
        let app = try TestApp()
        let support = try await app.supportToken()
        try await app.test { client in
            try await client.execute(uri: "/api/v1/support/tenants?kind=kommune", method: .get, headers: .bearer(support)) {
                let tenants = try $0.json()["tenants"] as? [[String: Any]]
                #expect(tenants?.count == 357)
                #expect(tenants?.allSatisfy { $0["status"] as? String == "registered" } == true)
            }
            try await client.execute(uri: "/api/v1/support/tenants?kommunenummer=4601", method: .get, headers: .bearer(support)) {
                let tenants = try $0.json()["tenants"] as? [[String: Any]]
                #expect(tenants?.map { $0["name"] as? String } == ["Bergen"])
            }
        }
    }

    @Test(arguments: [
        ("0000", "validation.failed"), ("301", "validation.failed"), ("03a1", "validation.failed"),
    ])
    func anInvalidKommunenummerIsABadRequestNamingTheField(_ number: String, _ code: String) async throws {
        let app = try TestApp()
        let support = try await app.supportToken()
        try await app.test { client in
            try await client.execute(uri: "/api/v1/support/tenants?kommunenummer=\(number)", method: .get, headers: .bearer(support)) {
                #expect($0.status == .badRequest)
                #expect($0.problem?.code == code)
                #expect($0.problem?.field == "kommunenummer")
            }
        }
    }

    static let badCreations: [(String, String, String?)] = [
        (#"{"id":"legesenteret","organisationNumber":"988077918","name":"X"}"#, "validation.failed", "organisationNumber"),
        (#"{"id":"legesenteret","organisationNumber":"98807791","name":"X"}"#, "validation.failed", "organisationNumber"),
        (#"{"id":"legesenteret","organisationNumber":"98807791x","name":"X"}"#, "validation.failed", "organisationNumber"),
        (#"{"id":"Legesenteret","organisationNumber":"988077917","name":"X"}"#, "validation.failed", "id"),
        (#"{"id":"../registry","organisationNumber":"988077917","name":"X"}"#, "validation.failed", "id"),
        (#"{"id":"a/b","organisationNumber":"988077917","name":"X"}"#, "validation.failed", "id"),
        (#"{"id":"\#(String(repeating: "a", count: 200))","organisationNumber":"988077917","name":"X"}"#, "validation.failed", "id"),
        (#"{"id":"legesenteret","organisationNumber":"988077917","name":"  "}"#, "validation.failed", "name"),
        (#"{"id":"legesenteret","name":"X"}"#, "request.missing-field", "organisationNumber"),
        (#"{"organisationNumber":"988077917","name":"X"}"#, "request.missing-field", "id"),
        (#"{"id":"legesenteret","#, "request.malformed", nil),
        ("[]", "request.malformed", nil),
    ]

    @Test(arguments: badCreations)
    func aBadTenantRegistrationIsRefusedAndNothingIsWritten(_ body: String, _ code: String, _ field: String?) async throws {
        let app = try TestApp()
        let support = try await app.supportToken()
        let before = try app.services.registry.tenants().count
        try await app.test { client in
            try await client.execute(
                uri: "/api/v1/support/tenants", method: .post, headers: .json(bearer: support), body: .json(body)
            ) { response in
                #expect(response.status == .badRequest)
                #expect(response.problem?.code == code)
                #expect(response.problem?.field == field)
            }
        }
        #expect(try app.services.registry.tenants().count == before)
        #expect(try FileManager.default.contentsOfDirectory(atPath: app.folder.path).sorted() == ["_registry", "_template"])
    }

    @Test func aDuplicateRegistrationIsAConflict() async throws {
        let app = try TestApp()
        let support = try await app.supportToken()
        try await app.test { client in
            let body = #"{"id":"legesenteret","organisationNumber":"988077917","name":"Legesenteret"}"#
            for expected in [HTTPResponse.Status.created, .conflict] {
                try await client.execute(uri: "/api/v1/support/tenants", method: .post, headers: .json(bearer: support), body: .json(body)) {
                    #expect($0.status == expected)
                }
            }
            let sameNumber = #"{"id":"annet","organisationNumber":"988077917","name":"Annet"}"#
            try await client.execute(uri: "/api/v1/support/tenants", method: .post, headers: .json(bearer: support), body: .json(sameNumber)) {
                #expect($0.status == .conflict)
                #expect($0.problem?.code == "tenant.organisation-number-taken")
                #expect($0.problem?.field == "organisationNumber")
            }
        }
        #expect(try app.services.registry.tenants(kind: .virksomhet).count == 1)
    }

    @Test func aTooLargeRegistrationIsRefused() async throws {
        let app = try TestApp(maxBodyBytes: 512)
        let support = try await app.supportToken()
        try await app.test { client in
            let body = #"{"id":"legesenteret","organisationNumber":"988077917","name":"\#(String(repeating: "x", count: 600))"}"#
            try await client.execute(uri: "/api/v1/support/tenants", method: .post, headers: .json(bearer: support), body: .json(body)) {
                #expect($0.status == .contentTooLarge)
                #expect($0.problem?.code == "request.too-large")
            }
        }
        #expect(try app.services.registry.tenants(kind: .virksomhet).isEmpty)
    }

    @Test func aLISCannotUseTheSupportAPI() async throws {
        let app = try TestApp()
        let lis = try await app.token()
        try await app.test { client in
            try await client.execute(uri: "/api/v1/support/tenants", method: .get, headers: .bearer(lis)) {
                #expect($0.status == .forbidden)
                #expect($0.problem?.code == "access.support-only")
            }
            try await client.execute(uri: "/api/v1/support/tenants/kommune-0301/provision", method: .post, headers: .bearer(lis)) {
                #expect($0.status == .forbidden)
            }
        }
        #expect(try app.services.registry.tenant(Fixtures.tenantID("kommune-0301"))?.isProvisioned == false)
    }

    @Test func unknownAndInvalidTenantsAreReported() async throws {
        let app = try TestApp()
        let support = try await app.supportToken()
        try await app.test { client in
            try await client.execute(uri: "/api/v1/support/tenants/nobody/provision", method: .post, headers: .bearer(support)) {
                #expect($0.status == .notFound)
                #expect($0.problem?.code == "tenant.unknown")
            }
            try await client.execute(uri: "/api/v1/support/tenants/NOBODY", method: .get, headers: .bearer(support)) {
                #expect($0.status == .badRequest)
                #expect($0.problem?.field == "tenantId")
            }
            try await client.execute(uri: "/api/v1/support/tenants?status=sleeping", method: .get, headers: .bearer(support)) {
                #expect($0.status == .badRequest)
            }
        }
        #expect(!FileManager.default.fileExists(atPath: app.folder.url.appendingPathComponent("nobody").path))
    }
}

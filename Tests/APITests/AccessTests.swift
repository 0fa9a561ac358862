import Domain
import Foundation
import GRDB
import HTTPTypes
import HummingbirdTesting
import TestSupport
import Testing

@testable import API

/// A LIS in an active tenant, with a leder, a veileder and a supervisor granted as invitations will grant
/// them, and an unrelated person.
struct AccessFixture {
    let app: TestApp
    let tenant: TenantID
    let traineeID: String
    let tokens: [Role?: String]

    static let people: [(Role?, String, String, String)] = [
        (.lis, "lis-1", Fixtures.lisPID, "Lise Lege"),
        (.leder, "leder-1", "30108299920", "Lars Leder"),
        (.veileder, "veileder-1", "30108299939", "Vera Veileder"),
        (.supervisor, "supervisor-1", "15038810062", "Siri Supervisør"),
        (nil, "stranger-1", "55038810056", "Stein Fremmed"),
    ]

    init() async throws {
        app = try TestApp()
        tenant = try await app.activate("kommune-0301")
        var tokens: [Role?: String] = [:]
        for (role, subject, pid, name) in Self.people {
            tokens[role] = try await app.token(subject: subject, pid: pid, name: name)
        }
        self.tokens = tokens
        let lisToken = tokens[.lis] ?? ""
        let app = app
        let tenant = tenant
        traineeID = try await app.register(in: tenant, token: lisToken)
        let id = try #require(UUID(uuidString: traineeID))
        for role in [Role.leder, .veileder, .supervisor] {
            let principal = try await app.services.verifier.verify(token: tokens[role] ?? "")
            _ = try await app.services.tenantStore.withDatabase(tenant) { database in
                try await database.grantRole(role, to: principal, traineeID: id, grantedBy: "test", id: UUID(), at: Date())
            }
        }
    }
}

extension TestApp {
    /// Registers the token's person as a LIS and returns the new id.
    func register(in tenant: TenantID, token: String, programme: String = "alis") async throws -> String {
        try await test { client in
            try await client.execute(
                uri: "/api/v1/tenants/\(tenant)/trainees/me", method: .post, headers: .json(bearer: token),
                body: .json(#"{"programme":"\#(programme)"}"#)
            ) { try $0.json()["id"] as? String ?? "" }
        }
    }
}

@Suite struct AccessTests {
    /// Every route about one LIS, with the operation whose permission it checks and a request body.
    struct Route: Sendable, CustomStringConvertible {
        let method: HTTPRequest.Method
        let suffix: String
        let operation: TraineeOperation
        let body: String?
        var description: String { "\(method.rawValue) …\(suffix)" }
    }

    static let routes: [Route] = [
        Route(method: .get, suffix: "", operation: .readRecord, body: nil),
        Route(method: .get, suffix: "/roles", operation: .readRoles, body: nil),
        Route(method: .get, suffix: "/access-log", operation: .readAccessLog, body: nil),
        Route(method: .get, suffix: "/invitations", operation: .inviteRole, body: nil),
        Route(
            method: .post, suffix: "/invitations", operation: .inviteRole,
            body: #"{"role":"supervisor","email":"ny@example.no"}"#),
        Route(method: .post, suffix: "/invitations/{invitationId}/revoke", operation: .inviteRole, body: nil),
        Route(method: .get, suffix: "/plans", operation: .readProgressReport, body: nil),
        Route(method: .post, suffix: "/plans", operation: .assignPlan, body: #"{"planKey":"lis1-kommune"}"#),
        Route(method: .delete, suffix: "/plans/{assignmentId}", operation: .assignPlan, body: nil),
        Route(method: .post, suffix: "/plans/{assignmentId}/archive", operation: .assignPlan, body: nil),
        Route(method: .get, suffix: "/activities", operation: .readProgressReport, body: nil),
        Route(method: .post, suffix: "/activities", operation: .submitActivity, body: Self.activity),
        Route(method: .put, suffix: "/activities/{activityId}", operation: .submitActivity, body: Self.activity),
        Route(
            method: .post, suffix: "/activities/{activityId}/submit", operation: .submitActivity,
            body: #"{"signerAssignmentId":"\#(UUID().uuidString)"}"#),
        Route(method: .post, suffix: "/activities/{activityId}/approve", operation: .signActivity, body: nil),
        Route(method: .post, suffix: "/activities/{activityId}/reject", operation: .signActivity, body: #"{"comment":"Nei"}"#),
        Route(method: .get, suffix: "/objectives", operation: .readProgressReport, body: nil),
        Route(
            method: .post, suffix: "/objectives/{objectiveId}/submit", operation: .submitObjective,
            body: #"{"planKey":"lis1-kommune"}"#),
        Route(
            method: .post, suffix: "/objectives/{objectiveId}/approve", operation: .approveObjective,
            body: #"{"planKey":"lis1-kommune","consultedVeileder":"x","consultedSupervisors":["y"]}"#),
        Route(
            method: .post, suffix: "/objectives/{objectiveId}/reject", operation: .approveObjective,
            body: #"{"planKey":"lis1-kommune","comment":"Ikke ennå"}"#),
        Route(
            method: .post, suffix: "/objectives/{objectiveId}/revoke", operation: .approveObjective,
            body: #"{"planKey":"lis1-kommune","reason":"Feil"}"#),
        Route(method: .get, suffix: "/talks", operation: .readProgressReport, body: nil),
        Route(method: .post, suffix: "/talks", operation: .createTalk, body: #"{"date":"2026-11-01","topic":"Oppstart"}"#),
        Route(method: .put, suffix: "/talks/{talkId}/preparation", operation: .writeTalk, body: #"{"text":"Forberedelse"}"#),
        Route(method: .put, suffix: "/talks/{talkId}/minutes", operation: .writeTalk, body: #"{"text":"Referat"}"#),
        Route(method: .post, suffix: "/talks/{talkId}/finalise", operation: .finaliseTalk, body: nil),
        Route(method: .get, suffix: "/progress", operation: .readProgressReport, body: nil),
        Route(method: .get, suffix: "/approved-record", operation: .readProgressReport, body: nil),
        Route(method: .post, suffix: "/approved-record", operation: .importRecord, body: #"{"format":"x"}"#),
        Route(method: .get, suffix: "/completion", operation: .downloadCompletion, body: nil),
        Route(method: .post, suffix: "/attachments", operation: .submitActivity, body: "%PDF-1.4 test"),
        Route(method: .get, suffix: "/attachments/{sha256}", operation: .readRecord, body: nil),
    ]

    static let activity = #"{"planKey":"lis1-kommune","objectiveId":"DEL1-001","recommendation":0,"performedOn":"2026-11-01"}"#

    @Test func everyRouteAboutOneLISIsMappedToAnOperation() async throws {
        let app = try TestApp()
        try await app.test { client in
            let routed = try await TenantOperation.fetchAll(client)
                .filter { $0.pathTemplate.contains("{traineeId}") }
                .map { "\($0.method.rawValue) " + $0.pathTemplate.dropFirst("/api/v1/tenants/{tenantId}/trainees/{traineeId}".count) }
            #expect(Set(routed) == Set(Self.routes.map { "\($0.method.rawValue) \($0.suffix)" }))
        }
    }

    struct Case: CustomTestStringConvertible, Sendable {
        let role: Role?
        let route: Route
        var testDescription: String { "\(role?.rawValue ?? "stranger") → \(route)" }
    }

    static var cases: [Case] {
        [Role.lis, .leder, .veileder, .supervisor, nil].flatMap { role in routes.map { Case(role: role, route: $0) } }
    }

    /// Generated from the permission table: each role gets exactly what the table grants, over HTTP.
    @Test(arguments: cases)
    func eachRoleGetsWhatThePermissionTableGrants(_ testCase: Case) async throws {
        let fixture = try await AccessFixture()
        let allowed = testCase.role.map { PermissionTable.allows($0, testCase.route.operation) } ?? false
        let base = "/api/v1/tenants/\(fixture.tenant)/trainees/\(fixture.traineeID)"
        let lis = fixture.tokens[.lis] ?? ""
        let token = fixture.tokens[testCase.role] ?? ""
        try await fixture.app.test { client in
            var suffix = testCase.route.suffix
            if suffix.contains("{invitationId}") {
                let id = try await client.execute(
                    uri: base + "/invitations", method: .post, headers: .json(bearer: lis),
                    body: .json(#"{"role":"supervisor","email":"revoke@example.no"}"#)
                ) { try $0.json()["id"] as? String ?? "" }
                suffix = suffix.replacingOccurrences(of: "{invitationId}", with: id)
            }
            // Ids of things that do not exist: the permission check comes first, so a role without the
            // permission is refused before anyone learns whether the thing exists.
            for placeholder in ["{assignmentId}", "{activityId}", "{talkId}"] {
                suffix = suffix.replacingOccurrences(of: placeholder, with: UUID().uuidString.lowercased())
            }
            suffix = suffix.replacingOccurrences(of: "{objectiveId}", with: "DEL1-001")
            suffix = suffix.replacingOccurrences(of: "{sha256}", with: String(repeating: "a", count: 64))
            var headers = HTTPFields.json(bearer: token)
            if suffix.hasSuffix("/attachments") { headers[.contentType] = "application/octet-stream" }
            try await client.execute(
                uri: base + suffix + (suffix.hasSuffix("/attachments") ? "?filename=a.pdf&mediaType=application/pdf" : ""),
                method: testCase.route.method, headers: headers,
                body: testCase.route.body.map { .json($0) }
            ) { response in
                if allowed {
                    // Allowed: past the permission check (the state of a fresh LIS may still refuse the step).
                    #expect(response.status.code < 500, "\(response.status)")
                    #expect(response.problem?.code != "access.forbidden", "\(response.status)")
                    #expect(response.status != .unauthorized)
                } else {
                    #expect(response.status == .forbidden)
                    #expect(response.problem?.code == "access.forbidden")
                }
            }
        }
    }

    @Test func theLISSeesWhoReadTheirDataAndNotTheirOwnReads() async throws {
        let fixture = try await AccessFixture()
        let base = "/api/v1/tenants/\(fixture.tenant)/trainees/\(fixture.traineeID)"
        try await fixture.app.test { client in
            for role in [Role.lis, .leder, .supervisor] {
                try await client.execute(uri: base, method: .get, headers: .bearer(fixture.tokens[role] ?? "")) {
                    #expect($0.status == .ok)
                }
            }
            // Refused attempts are not accesses: nothing was read.
            try await client.execute(uri: base, method: .get, headers: .bearer(fixture.tokens[nil] ?? "")) {
                #expect($0.status == .forbidden)
            }
            let entries = try await client.execute(uri: base + "/access-log", method: .get, headers: .bearer(fixture.tokens[.lis] ?? "")) {
                try $0.json()["entries"] as? [[String: Any]] ?? []
            }
            #expect(entries.map { $0["name"] as? String } == ["Siri Supervisør", "Lars Leder"])
            #expect(entries.map { $0["role"] as? String } == ["supervisor", "leder"])
            #expect(entries.allSatisfy { $0["operation"] as? String == "readRecord" && $0["at"] != nil })
        }
    }

    @Test func theRoleListShowsTheLISAndTheirPeople() async throws {
        let fixture = try await AccessFixture()
        try await fixture.app.test { client in
            let holders = try await client.execute(
                uri: "/api/v1/tenants/\(fixture.tenant)/trainees/\(fixture.traineeID)/roles", method: .get,
                headers: .bearer(fixture.tokens[.leder] ?? "")
            ) { try $0.json()["holders"] as? [[String: Any]] ?? [] }
            #expect(holders.map { $0["role"] as? String } == ["lis", "leder", "veileder", "supervisor"])
            #expect(holders.first?["name"] as? String == "Lise Lege")
        }
    }

    @Test func theAccessLogCannotBeEdited() async throws {
        let fixture = try await AccessFixture()
        try await fixture.app.test { client in
            try await client.execute(
                uri: "/api/v1/tenants/\(fixture.tenant)/trainees/\(fixture.traineeID)", method: .get,
                headers: .bearer(fixture.tokens[.leder] ?? "")) { #expect($0.status == .ok) }
        }
        await fixture.app.services.tenantStore.closeAll()
        let queue = try DatabaseQueue(path: fixture.app.services.directory.databasePath(for: fixture.tenant))
        defer { try? queue.close() }
        #expect(throws: DatabaseError.self) {
            try queue.write { try $0.execute(sql: "UPDATE accessLog SET actorName = 'nobody'") }
        }
        #expect(throws: DatabaseError.self) { try queue.write { try $0.execute(sql: "DELETE FROM accessLog") } }
        let count = try await queue.read {
            try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM accessLog WHERE actorName = 'Lars Leder'")
        }
        #expect(count == 1)
    }

    @Test func aPersonListsTheTenantsTheyBelongTo() async throws {
        let app = try TestApp()
        let oslo = try await app.activate("kommune-0301")
        let bergen = try await app.activate("kommune-4601")
        let token = try await app.token()
        _ = try await app.register(in: oslo, token: token)
        _ = try await app.register(in: bergen, token: token)
        try await app.test { client in
            let tenants = try await client.execute(uri: "/api/v1/me/tenants", method: .get, headers: .bearer(token)) {
                response in
                #expect(response.status == .ok)
                return try response.json()["tenants"] as? [[String: Any]] ?? []
            }
            #expect(tenants.map { ($0["tenant"] as? [String: Any])?["id"] as? String } == ["kommune-0301", "kommune-4601"])
            #expect(tenants.allSatisfy { $0["roles"] as? [String] == ["lis"] })
            let stranger = try await app.token(subject: "someone", pid: "30108299920", name: "Noen")
            let none = try await client.execute(uri: "/api/v1/me/tenants", method: .get, headers: .bearer(stranger)) {
                try $0.json()["tenants"] as? [Any]
            }
            #expect(none?.isEmpty == true)
            try await client.execute(uri: "/api/v1/me/tenants", method: .get) {
                #expect($0.status == .unauthorized)
            }
        }
    }
}

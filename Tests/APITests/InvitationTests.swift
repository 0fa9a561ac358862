import Domain
import Foundation
import HTTPTypes
import HummingbirdTesting
import TestSupport
import Testing

@testable import API

/// A LIS in an active tenant who invites people; mail goes to `.eml` files.
struct InvitationFixture {
    let app: TestApp
    let tenant: TenantID
    let lis: String
    let traineeID: String

    init(
        tenant raw: String = "kommune-0301", smtpPort: Int? = nil, smtpPassword: String? = nil,
        configure: (inout AppConfiguration) -> Void = { _ in }
    ) async throws {
        app = try TestApp(smtpPassword: smtpPassword) { configuration in
            if let smtpPort {
                configuration.mail.transport = "smtp"
                configuration.mail.smtpPort = smtpPort
            }
            configure(&configuration)
        }
        tenant = try await app.activate(raw)
        lis = try await app.token()
        traineeID = try await app.register(in: tenant, token: lis)
    }

    var mailFolder: URL { app.folder.url.appendingPathComponent("_mail") }

    /// Invites by e-mail and returns the HTTP status and, after delivery, the token from the message.
    func invite(_ role: String, email: String, replacing: Bool = false, token: String? = nil) async throws
        -> (status: HTTPResponse.Status, problem: Problem?, token: String?)
    {
        let before = Set(ReceivedMail.all(in: mailFolder).compactMap(\.token))
        let body = #"{"role":"\#(role)","email":"\#(email)","replacesHolder":\#(replacing)}"#
        let (status, problem) = try await app.test { client in
            try await client.execute(
                uri: "/api/v1/tenants/\(tenant)/trainees/\(traineeID)/invitations", method: .post,
                headers: .json(bearer: token ?? lis), body: .json(body)
            ) { ($0.status, $0.problem) }
        }
        await app.services.mailer.deliverDue()
        let new = ReceivedMail.all(in: mailFolder).compactMap(\.token).filter { !before.contains($0) }
        return (status, problem, new.first)
    }

    func accept(_ invitationToken: String, as token: String, in tenant: TenantID? = nil) async throws
        -> (status: HTTPResponse.Status, body: [String: Any])
    {
        let target = tenant ?? self.tenant
        let (status, data) = try await app.test { client in
            try await client.execute(
                uri: "/api/v1/tenants/\(target)/invitations/accept", method: .post, headers: .json(bearer: token),
                body: .json(#"{"token":"\#(invitationToken)"}"#)
            ) { response in (response.status, response.data) }
        }
        return (status, jsonObject(data))
    }

    func read(as token: String) async throws -> HTTPResponse.Status {
        try await app.test { client in
            try await client.execute(
                uri: "/api/v1/tenants/\(tenant)/trainees/\(traineeID)", method: .get, headers: .bearer(token)
            ) { $0.status }
        }
    }

    func accessLog() async throws -> [[String: Any]] {
        let data = try await app.test { [lis, tenant, traineeID] client in
            try await client.execute(
                uri: "/api/v1/tenants/\(tenant)/trainees/\(traineeID)/access-log", method: .get, headers: .bearer(lis)
            ) { $0.data }
        }
        return jsonObject(data)["entries"] as? [[String: Any]] ?? []
    }
}

@Suite struct InvitationTests {
    @Test func aLederInvitedByMailAcceptsAndCanThenReadTheLIS() async throws {
        let fixture = try await InvitationFixture()
        let leder = try await fixture.app.token(subject: "leder-1", pid: "30108299920", name: "Lars Leder")
        #expect(try await fixture.read(as: leder) == .forbidden)

        let invited = try await fixture.invite("leder", email: "lars.leder@oslo.kommune.no")
        #expect(invited.status == .created)
        let mail = try #require(ReceivedMail.all(in: fixture.mailFolder).first)
        #expect(mail.to == "lars.leder@oslo.kommune.no")
        #expect(mail.subject == "Invitasjon: leder for Lise Lege")
        #expect(mail.body.contains("Lise Lege har invitert deg til å være leder i Kompetanseportal hos Oslo."))
        #expect(mail.body.contains("/invitasjon?tenant=kommune-0301&token="))
        let token = try #require(invited.token)

        let accepted = try await fixture.accept(token, as: leder)
        #expect(accepted.status == .ok)
        #expect(accepted.body["role"] as? String == "leder")
        #expect(try await fixture.read(as: leder) == .ok)

        let tenantsData = try await fixture.app.test { client in
            try await client.execute(uri: "/api/v1/me/tenants", method: .get, headers: .bearer(leder)) { $0.data }
        }
        let tenants = jsonObject(tenantsData)["tenants"] as? [[String: Any]] ?? []
        #expect(tenants.first?["roles"] as? [String] == ["leder"])
        let person = try fixture.app.services.registry.person(try await fixture.app.services.verifier.verify(token: leder).personKey)
        #expect(person?.name == "Lars Leder")
        #expect(person?.email == "lars.leder@oslo.kommune.no")
        let log = try await fixture.accessLog()
        #expect(log.contains { $0["operation"] as? String == "acceptInvitation" && $0["name"] as? String == "Lars Leder" })
        #expect(log.contains { $0["operation"] as? String == "inviteRole" && $0["role"] as? String == "lis" })
    }

    @Test func aUsedTokenCannotBeReplayed() async throws {
        let fixture = try await InvitationFixture()
        let first = try await fixture.app.token(subject: "sup-1", pid: "30108299920", name: "Siri")
        let second = try await fixture.app.token(subject: "sup-2", pid: "30108299939", name: "Sverre")
        let token = try #require(try await fixture.invite("supervisor", email: "siri@example.no").token)
        #expect(try await fixture.accept(token, as: first).status == .ok)
        let replay = try await fixture.accept(token, as: second)
        #expect(replay.status == .conflict)
        #expect(replay.body["code"] as? String == "invitation.used")
        #expect(try await fixture.read(as: second) == .forbidden)
    }

    @Test func anExpiredInvitationIsGone() async throws {
        let fixture = try await InvitationFixture()
        let token = try #require(try await fixture.invite("veileder", email: "vera@example.no").token)
        fixture.app.clock.advance(by: 15 * 24 * 3600)
        let veileder = try await fixture.app.token(subject: "v-1", pid: "30108299920", name: "Vera")
        let result = try await fixture.accept(token, as: veileder)
        #expect(result.status == .gone)
        #expect(result.body["code"] as? String == "invitation.expired")
        #expect(try await fixture.read(as: veileder) == .forbidden)
    }

    @Test func aRevokedInvitationIsGone() async throws {
        let fixture = try await InvitationFixture()
        let token = try #require(try await fixture.invite("supervisor", email: "s@example.no").token)
        let listData = try await fixture.app.test { [fixture] client in
            try await client.execute(
                uri: "/api/v1/tenants/\(fixture.tenant)/trainees/\(fixture.traineeID)/invitations", method: .get,
                headers: .bearer(fixture.lis)
            ) { $0.data }
        }
        let invitations = jsonObject(listData)["invitations"] as? [[String: Any]] ?? []
        let id = try #require(invitations.first?["id"] as? String)
        let status = try await fixture.app.test { [fixture] client in
            try await client.execute(
                uri: "/api/v1/tenants/\(fixture.tenant)/trainees/\(fixture.traineeID)/invitations/\(id)/revoke",
                method: .post, headers: .bearer(fixture.lis)
            ) { $0.status }
        }
        #expect(status == .ok)
        let supervisor = try await fixture.app.token(subject: "s-1", pid: "30108299920", name: "S")
        let result = try await fixture.accept(token, as: supervisor)
        #expect(result.status == .gone)
        #expect(result.body["code"] as? String == "invitation.revoked")
    }

    @Test func aTokenFromOneTenantIsUnknownInAnother() async throws {
        let fixture = try await InvitationFixture()
        let bergen = try await fixture.app.activate("kommune-4601")
        let token = try #require(try await fixture.invite("supervisor", email: "s@example.no").token)
        let supervisor = try await fixture.app.token(subject: "s-1", pid: "30108299920", name: "S")
        let result = try await fixture.accept(token, as: supervisor, in: bergen)
        #expect(result.status == .notFound)
        #expect(result.body["code"] as? String == "invitation.unknown")
        // Still valid where it belongs.
        #expect(try await fixture.accept(token, as: supervisor).status == .ok)
    }

    @Test func aSecondLederNeedsTheExplicitReplacementStep() async throws {
        let fixture = try await InvitationFixture()
        let first = try await fixture.app.token(subject: "l-1", pid: "30108299920", name: "Lars Leder")
        let second = try await fixture.app.token(subject: "l-2", pid: "30108299939", name: "Lene Leder")
        let token = try #require(try await fixture.invite("leder", email: "lars@example.no").token)
        #expect(try await fixture.accept(token, as: first).status == .ok)

        let refused = try await fixture.invite("leder", email: "lene@example.no")
        #expect(refused.status == .conflict)
        #expect(refused.problem?.code == "role.taken")
        #expect(refused.token == nil)

        let replacement = try await fixture.invite("leder", email: "lene@example.no", replacing: true)
        #expect(replacement.status == .created)
        let accepted = try await fixture.accept(try #require(replacement.token), as: second)
        #expect(accepted.status == .ok)
        #expect(accepted.body["replaced"] as? String == "Lars Leder")
        #expect(try await fixture.read(as: first) == .forbidden)
        #expect(try await fixture.read(as: second) == .ok)
        let log = try await fixture.accessLog()
        #expect(log.contains { $0["operation"] as? String == "replaceRole" })
        #expect(log.contains { ($0["object"] as? String)?.contains("replacing:Lars Leder") == true })
    }

    @Test func onlyTheLISInvites() async throws {
        let fixture = try await InvitationFixture()
        let supervisor = try await fixture.app.token(subject: "s-1", pid: "30108299920", name: "S")
        let token = try #require(try await fixture.invite("supervisor", email: "s@example.no").token)
        #expect(try await fixture.accept(token, as: supervisor).status == .ok)
        let attempt = try await fixture.invite("supervisor", email: "friend@example.no", token: supervisor)
        #expect(attempt.status == .forbidden)
        #expect(attempt.problem?.code == "access.forbidden")
        #expect(attempt.token == nil)
        let replace = try await fixture.invite("leder", email: "x@example.no", replacing: true, token: supervisor)
        #expect(replace.status == .forbidden)
    }

    @Test(arguments: [
        (#""leder""#, "not-an-address", "validation.failed", "email"),
        (#""lis""#, "a@example.no", "role.invalid", "role"),
        (#""boss""#, "a@example.no", "request.invalid-field", "role"),
    ])
    func aBadInvitationIsRefusedAndNoMailIsQueued(_ role: String, _ email: String, _ code: String, _ field: String)
        async throws
    {
        let fixture = try await InvitationFixture()
        let result = try await fixture.invite(String(role.dropFirst().dropLast()), email: email)
        #expect(result.status == .badRequest)
        #expect(result.problem?.code == code)
        #expect(result.problem?.field == field)
        #expect(ReceivedMail.all(in: fixture.mailFolder).isEmpty)
        let pending = try await fixture.app.services.tenantStore.withDatabase(fixture.tenant) { try $0.hasUnsentMail() }
        #expect(!pending)
    }

    @Test func supportInvitesAnExternalSupervisorWithAReasonTheTenantCanSee() async throws {
        let fixture = try await InvitationFixture()
        let support = try await fixture.app.supportToken()
        let uri = "/api/v1/support/tenants/\(fixture.tenant)/trainees/\(fixture.traineeID)/invitations"
        let (missing, created) = try await fixture.app.test { client in
            let missing = try await client.execute(
                uri: uri, method: .post, headers: .json(bearer: support),
                body: .json(#"{"role":"supervisor","email":"ekstern@sykehus.no","reason":"  "}"#)) { $0.problem?.field }
            let created = try await client.execute(
                uri: uri, method: .post, headers: .json(bearer: support),
                body: .json(#"{"role":"supervisor","email":"ekstern@sykehus.no","reason":"Sak 4711: veileder utenfor kommunen"}"#)
            ) { $0.status }
            return (missing, created)
        }
        #expect(missing == "reason")
        #expect(created == .created)
        await fixture.app.services.mailer.deliverDue()
        #expect(ReceivedMail.all(in: fixture.mailFolder).map(\.to) == ["ekstern@sykehus.no"])
        let log = try await fixture.accessLog()
        let entry = try #require(log.first { $0["role"] as? String == "support" })
        #expect(entry["reason"] as? String == "Sak 4711: veileder utenfor kommunen")
        #expect((entry["name"] as? String)?.hasPrefix("Brukerstøtte") == true)
    }
}

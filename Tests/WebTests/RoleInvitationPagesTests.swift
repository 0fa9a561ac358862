import Domain
import Engine
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Identity
import NIOCore
import TestSupport
import Testing

@testable import API

/// Oslo in force, Lise registered as LIS, and an invitation she sends; the link from its e-mail.
struct RoleInvitationFixture {
    static let tenant = "kommune-0301"
    let app: PortalApp
    let journey: SignerJourney
    let trainee: Trainee

    init(traineeName: String = "Lise Lege", configure: (inout AppConfiguration) -> Void = { _ in }) async throws {
        journey = try SignerJourney(configure: configure)
        app = journey.app
        // Oslo's organisation number is recorded as support does when naming the signer (sealed records name it).
        _ = try await app.services.engine.agreements.inviteAdministrator(
            Fixtures.tenantID(Self.tenant), name: "Rita Rådmann", email: "rita@oslo.kommune.no",
            organisationNumber: "974770482", by: PlatformCaller(operator: "test"))
        let tenant = try await app.services.registry.openForTests(
            Fixtures.tenantID(Self.tenant), provisioner: app.services.provisioner, seal: app.services.seal,
            at: app.clock.now)
        let lise = TestPerson(subject: DemoPerson.lis.subject, pid: DemoPerson.lis.pid, name: traineeName)
        trainee = try await app.services.engine.people.registerTrainee(
            TenantCaller(tenant: tenant, principal: try app.principal(lise)), programme: .lis1,
            email: "lise@example.no")
    }

    /// Lise invites `email` to `role`; returns the token of the e-mail's link.
    func invite(_ role: Role, email: String = "leder@oslo.kommune.no") async throws -> String {
        let tenant = try app.services.registry.requireTenant(Fixtures.tenantID(Self.tenant))
        let lise = TestPerson(subject: DemoPerson.lis.subject, pid: DemoPerson.lis.pid, name: trainee.name)
        let invitation = try await app.services.engine.people.invite(
            TenantCaller(tenant: tenant, principal: try app.principal(lise)), trainee: trainee.id, role: role,
            email: email, replacesHolder: false)
        #expect(invitation.role == role)
        return try #require(try await token(sentTo: email))
    }

    /// The token of the newest invitation link in the e-mails to `email`.
    func token(sentTo email: String) async throws -> String? {
        await app.services.mailer.deliverDue()
        let folder = app.folder.url.appendingPathComponent("_mail")
        let files =
            FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.contentModificationDateKey])?
            .compactMap { $0 as? URL } ?? []
        var found: [(Date, String)] = []
        for url in files {
            guard let raw = try? String(contentsOf: url, encoding: .utf8), raw.contains("To: \(email)\r\n") else {
                continue
            }
            let parts = raw.replacingOccurrences(of: "\r\n", with: "\n").components(separatedBy: "\n\n")
            guard let body = Data(base64Encoded: parts.dropFirst().joined().replacingOccurrences(of: "\n", with: "")),
                let text = String(data: body, encoding: .utf8),
                let range = text.range(of: #"/invitasjon\?tenant=[a-z0-9-]+&token=[A-Za-z0-9_-]+"#, options: .regularExpression)
            else { continue }
            let token = String(text[range].split(separator: "=").last ?? "")
            let date = (try? url.resourceValues(forKeys: [.contentModificationDateKey]).contentModificationDate) ?? .distantPast
            found.append((date, token))
        }
        return found.max { $0.0 < $1.0 }?.1
    }

    static func link(_ token: String, tenant: String = tenant) -> String { "/invitasjon?tenant=\(tenant)&token=\(token)" }

    /// The person accepts through the page (GET for the form's CSRF token, then POST).
    func accept(_ client: some TestClientProtocol, token: String, session: String) async throws -> TestResponse {
        let page = try await client.execute(uri: Self.link(token), method: .get, headers: .session(session)) { $0.text }
        let csrf = try #require(csrfToken(in: page))
        return try await client.execute(
            uri: "/invitasjon", method: .post, headers: .form(session: session),
            body: ByteBuffer(string: "csrf=\(csrf)&tenant=\(Self.tenant)&token=\(token)")
        ) { $0 }
    }
}

extension TestPerson {
    static let lars = TestPerson(subject: DemoPerson.leder.subject, pid: DemoPerson.leder.pid, name: "Lars Leder")
}

@Suite struct RoleInvitationPagesTests {
    @Test func theEmailLinksToAPageThatSaysWhoInvitesWhomToWhat() async throws {
        let fixture = try await RoleInvitationFixture()
        let token = try await fixture.invite(.leder)
        try await fixture.app.test { client in
            try await client.execute(uri: RoleInvitationFixture.link(token), method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.cacheControl] == "no-store")
                #expect(response.headers[.contentSecurityPolicy]?.contains("frame-ancestors 'none'") == true)
                let html = response.text
                #expect(html.contains("<h1>Invitasjon som leder</h1>"))
                #expect(
                    html.contains(
                        "Lise Lege har invitert <strong>leder@oslo.kommune.no</strong> til å være <strong>leder</strong> for Lise Lege i <strong>Oslo</strong>"
                    ))
                #expect(html.contains("godkjenner eller underkjenner læringsmål"))
                #expect(html.contains(#"href="/logg-inn?neste=/invitasjon%3Ftenant%3Dkommune-0301%26token%3D"#))
                #expect(!html.contains(#"<form method="post" action="/invitasjon">"#))
            }
        }
    }

    @Test func linksSentBeforeThePagesExistedLeadToTheSamePage() async throws {
        let fixture = try await RoleInvitationFixture()
        let token = try await fixture.invite(.supervisor)
        try await fixture.app.test { client in
            try await client.execute(uri: "/invitations/accept?tenant=kommune-0301&token=\(token)", method: .get) {
                #expect($0.status == .movedPermanently)
                #expect($0.headers[.location] == RoleInvitationFixture.link(token))
            }
        }
    }

    @Test func theLoggedInPersonAcceptsWithOneButtonAndSeesTheRoleOnTheStartPage() async throws {
        let fixture = try await RoleInvitationFixture()
        let token = try await fixture.invite(.leder)
        let session = try await fixture.app.session(.lars)
        try await fixture.app.test { client in
            let accepted = try await fixture.accept(client, token: token, session: session)
            #expect(accepted.status == .seeOther)
            #expect(accepted.headers[.location] == "/start?godtatt=leder&virksomhet=kommune-0301")
            try await client.execute(uri: "/start?godtatt=leder&virksomhet=kommune-0301", method: .get, headers: .session(session)) {
                #expect($0.status == .ok)
                #expect($0.text.contains("Du har godtatt invitasjonen og er nå leder i Oslo."))
                #expect($0.text.contains("<h2>Oslo</h2>"))
                #expect($0.text.contains("<li>Leder</li>"))
            }
            // The link is used now; the page says so.
            try await client.execute(uri: RoleInvitationFixture.link(token), method: .get, headers: .session(session)) {
                #expect($0.status == .conflict)
                #expect($0.text.contains("Invitasjonen er allerede brukt"))
                #expect($0.text.contains("finner du rollen under «Mine roller»"))
            }
        }
        // The role is there, once, through the same engine operation as the API's accept.
        let tenant = try fixture.app.services.registry.requireTenant(Fixtures.tenantID(RoleInvitationFixture.tenant))
        let lars = try fixture.app.principal(.lars)
        let roles = try await fixture.app.services.engine.people.roles(
            TenantCaller(tenant: tenant, principal: lars), trainee: fixture.trainee.id)
        #expect(roles.holders.filter { $0.role == .leder }.count == 1)
    }

    @Test func acceptingWithoutALoginGoesToTheLoginPageAndComesBack() async throws {
        let fixture = try await RoleInvitationFixture()
        let token = try await fixture.invite(.leder)
        try await fixture.app.test { client in
            try await client.execute(
                uri: "/invitasjon", method: .post,
                headers: [.contentType: "application/x-www-form-urlencoded", .fetchSite: "same-origin"],
                body: ByteBuffer(string: "tenant=kommune-0301&token=\(token)")
            ) { response in
                #expect(response.status == .seeOther)
                #expect(
                    response.headers[.location]
                        == "/logg-inn?neste=/invitasjon%3Ftenant%3Dkommune-0301%26token%3D\(token)")
            }
        }
    }

    @Test func unknownForeignExpiredAndRevokedLinksSayWhatHappened() async throws {
        let fixture = try await RoleInvitationFixture()
        let token = try await fixture.invite(.veileder, email: "vera@oslo.kommune.no")
        try await fixture.app.test { client in
            for uri in [
                RoleInvitationFixture.link("made-up"),
                RoleInvitationFixture.link(token, tenant: "kommune-9999"),
                RoleInvitationFixture.link(token, tenant: "../registry"),
                "/invitasjon",
            ] {
                try await client.execute(uri: uri, method: .get) { response in
                    #expect(response.status == .notFound, "\(uri)")
                    #expect(response.text.contains("Vi finner ikke invitasjonen"))
                }
            }
            // A tenant whose agreement is not in force says so: nothing can be accepted there yet.
            try await client.execute(uri: RoleInvitationFixture.link(token, tenant: "kommune-4601"), method: .get) {
                #expect($0.status == .forbidden)
                #expect($0.text.contains("<h1>Ikke tilgang</h1>"))
            }
            fixture.app.clock.advance(by: 15 * 86_400)
            try await client.execute(uri: RoleInvitationFixture.link(token), method: .get) { response in
                #expect(response.status == .gone)
                #expect(response.text.contains("Invitasjonen er utløpt"))
                #expect(response.text.contains("Be legen som inviterte deg om å sende deg en ny invitasjon."))
            }
        }
    }

    @Test func aRevokedLinkSaysSoAndNothingIsGranted() async throws {
        let fixture = try await RoleInvitationFixture()
        let token = try await fixture.invite(.supervisor, email: "sara@oslo.kommune.no")
        let tenant = try fixture.app.services.registry.requireTenant(Fixtures.tenantID(RoleInvitationFixture.tenant))
        let lise = try fixture.app.principal(.lise)
        let caller = TenantCaller(tenant: tenant, principal: lise)
        let invitation = try #require(
            try await fixture.app.services.engine.people.invitations(caller, trainee: fixture.trainee.id).first)
        _ = try await fixture.app.services.engine.people.revokeInvitation(
            caller, trainee: fixture.trainee.id, invitation: invitation.id)
        let session = try await fixture.app.session(.lars)
        try await fixture.app.test { client in
            try await client.execute(uri: RoleInvitationFixture.link(token), method: .get, headers: .session(session)) {
                #expect($0.status == .gone)
                #expect($0.text.contains("Invitasjonen er trukket tilbake"))
            }
        }
        #expect(try fixture.app.services.engine.people.memberships(of: try fixture.app.principal(.lars)).isEmpty)
    }

    @Test func aLISNameWithMarkupIsShownAsTextOnThePageAndInTheEmail() async throws {
        let fixture = try await RoleInvitationFixture(traineeName: "<script>alert(1)</script>")
        let token = try await fixture.invite(.leder)
        try await fixture.app.test { client in
            try await client.execute(uri: RoleInvitationFixture.link(token), method: .get) { response in
                #expect(!response.text.contains("<script>alert(1)</script>"))
                #expect(response.text.contains("&lt;script&gt;alert(1)&lt;/script&gt; har invitert"))
            }
        }
    }

    @Test func theStartPageNeedsALoginAndSaysWhenThereAreNoRoles() async throws {
        let fixture = try await RoleInvitationFixture()
        let session = try await fixture.app.session(.lars)
        try await fixture.app.test { client in
            try await client.execute(uri: "/start", method: .get) {
                #expect($0.status == .seeOther)
                #expect($0.headers[.location] == "/logg-inn?neste=/start")
            }
            try await client.execute(uri: "/start", method: .get, headers: .session(session)) {
                #expect($0.status == .ok)
                #expect($0.text.contains("Du har ingen roller i portalen ennå."))
            }
        }
    }
}

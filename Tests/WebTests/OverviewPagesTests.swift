import Domain
import Engine
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import TestSupport
import Testing

@testable import API

/// «Mine LIS» for the leder and the veileder, the tenant administrator's «Oversikt over LIS», and one LIS's
/// progress report as a page with its printable document and CSV, all through the cookie session.
@Suite struct OverviewPagesTests {
    static let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]

    @Test func theLederSeesEachLISWithAProgressBarLinkingToTheReport() async throws {
        let fixture = try await WorkFixture()
        let app = fixture.app
        let trainee = fixture.invitations.trainee.id.uuidString.lowercased()
        let lars = try await app.session(.lars)
        let progress = "/virksomhet/kommune-0301/lis/\(trainee)/fremdrift"
        try await app.test { client in
            try await client.execute(uri: "/start", method: .get, headers: .session(lars)) {
                #expect($0.text.contains(#"<a href="/virksomhet/kommune-0301/mine-lis">Mine LIS</a>"#))
            }
            try await client.execute(uri: "/virksomhet/kommune-0301/mine-lis", method: .get, headers: .session(lars)) {
                #expect($0.status == .ok)
                #expect($0.text.contains("<h1>Mine LIS</h1>"))
                #expect($0.text.contains(#"<h2 id="som-leder">Som leder</h2>"#))
                #expect($0.text.contains(#"<a href="\#(progress)">Lise Lege</a>"#))
                #expect($0.text.contains(#"<progress max="2" value="0" aria-label="Lise Lege, LIS1 kommune (testkatalog): 0 av 2 godkjent">"#))
                #expect($0.text.contains(#"<span class="progress-text">0 av 2 godkjent</span>"#))
                #expect($0.text.contains(#"href="/virksomhet/kommune-0301/mine-lis/csv""#))
            }
            try await client.execute(uri: progress, method: .get, headers: .session(lars)) {
                #expect($0.status == .ok)
                #expect($0.text.contains("<h1>Fremdriftsrapport</h1>"))
                #expect($0.text.contains("<svg"))
                #expect($0.text.contains(#"<a href="\#(progress)/utskrift">"#))
                #expect($0.text.contains(#"<a href="\#(progress)/csv" download>"#))
                #expect($0.text.contains("0 av 2 læringsmål godkjent"))
            }
            try await client.execute(uri: progress + "/csv", method: .get, headers: .session(lars)) {
                #expect($0.status == .ok)
                #expect($0.headers[.contentType] == "text/csv; charset=utf-8")
                #expect($0.headers[.contentDisposition]?.hasPrefix("attachment; filename=\"fremdriftsrapport Lise Lege ") == true)
                let bytes = Array($0.body.readableBytesView)
                #expect(Array(bytes.prefix(3)) == Self.byteOrderMark)
                #expect(String(decoding: bytes.dropFirst(3), as: UTF8.self).hasPrefix("Plan;Versjon;Læringsmål;Tittel;Status"))
            }
            try await client.execute(uri: progress + "/utskrift", method: .get, headers: .session(lars)) {
                #expect($0.status == .ok)
                #expect($0.headers[.contentType] == "text/html; charset=utf-8")
                #expect($0.headers[.contentSecurityPolicy]?.contains("script-src") == false)
                #expect($0.headers[.contentSecurityPolicy]?.hasPrefix("default-src 'none'") == true)
                #expect($0.text.contains("Fremdriftsrapport – Lise Lege"))
            }
            try await client.execute(uri: "/virksomhet/kommune-0301/mine-lis/csv", method: .get, headers: .session(lars)) {
                #expect($0.headers[.contentType] == "text/csv; charset=utf-8")
                #expect(String(buffer: $0.body).contains("Lise Lege;LIS1;LIS1 kommune (testkatalog);1;2;0;"))
            }
        }
        let lise = try WorkFixture.caller(app, .lise)
        let log = try await app.services.engine.people.accessLog(lise, trainee: fixture.invitations.trainee.id)
        #expect(log.contains { $0.actorName == "Lars Leder" && $0.object == "leder-overview" })
        #expect(log.contains { $0.actorName == "Lars Leder" && $0.object == "progress-report" })
    }

    @Test func theVeilederFindsTheirLISAndTheirTalksUnderMineLIS() async throws {
        let fixture = try await WorkFixture()
        let vera = try await fixture.app.session(.vera)
        let sindre = try await fixture.app.session(.sindre)
        let trainee = fixture.invitations.trainee.id.uuidString.lowercased()
        try await fixture.app.test { client in
            try await client.execute(uri: "/virksomhet/kommune-0301/mine-lis", method: .get, headers: .session(vera)) {
                #expect($0.text.contains(#"<h2 id="som-veileder">Som veileder</h2>"#))
                #expect(!$0.text.contains("Som leder"))
                #expect($0.text.contains(#"href="/virksomhet/kommune-0301/lis/\#(trainee)/samtaler""#))
            }
            // A supervisør follows no LIS here: the list says so, and shows nobody.
            try await client.execute(uri: "/virksomhet/kommune-0301/mine-lis", method: .get, headers: .session(sindre)) {
                #expect($0.status == .ok)
                #expect($0.text.contains("Du er ikke leder eller veileder"))
                #expect(!$0.text.contains("Lise Lege"))
            }
        }
        let log = try await fixture.app.services.engine.people.accessLog(
            try WorkFixture.caller(fixture.app, .lise), trainee: fixture.invitations.trainee.id)
        #expect(log.contains { $0.actorName == "Vera Veileder" && $0.object == "veileder-overview" })
    }

    @Test func theTenantAdministratorSeesEveryLISWithCSVAndNobodyElseDoes() async throws {
        let fixture = try await WorkFixture()
        let app = fixture.app
        _ = try await app.services.engine.agreements.inviteAdministrator(
            Fixtures.tenantID(RoleInvitationFixture.tenant), name: "Rita Rådmann", email: "rita@oslo.kommune.no",
            organisationNumber: "974770482", by: PlatformCaller(operator: "test"))
        let mail = try #require(try await fixture.mails().last { $0.to.contains("rita@oslo.kommune.no") })
        let found = try #require(mail.body.range(of: #"token=[A-Za-z0-9_-]+"#, options: .regularExpression))
        _ = try await app.services.engine.onboarding.acceptAdministratorInvitation(
            by: try app.principal(.rita), tenant: RoleInvitationFixture.tenant,
            token: String(mail.body[found].dropFirst("token=".count)))
        let rita = try await app.session(.rita)
        let lars = try await app.session(.lars)
        let overview = "/virksomhet/kommune-0301/oversikt"
        try await app.test { client in
            try await client.execute(uri: "/start", method: .get, headers: .session(rita)) {
                #expect($0.text.contains(#"<a href="\#(overview)">Oversikt over LIS</a>"#))
            }
            try await client.execute(uri: overview, method: .get, headers: .session(rita)) {
                #expect($0.status == .ok)
                #expect($0.text.contains("<h1>Oversikt over LIS</h1>"))
                #expect($0.text.contains("<th scope=\"row\">Lise Lege</th>"))
                #expect($0.text.contains(#"<progress max="2" value="0""#))
                #expect($0.text.contains(#"<a href="\#(overview)/csv" download>"#))
                // No way into the LIS's data from here: the administrator's role has none.
                #expect(!$0.text.contains("/fremdrift"))
            }
            try await client.execute(uri: overview + "/csv", method: .get, headers: .session(rita)) {
                #expect($0.headers[.contentDisposition]?.hasPrefix("attachment; filename=\"oversikt Oslo") == true)
                #expect(String(buffer: $0.body).contains("Lise Lege;LIS1;"))
            }
            try await client.execute(uri: overview + "/utskrift", method: .get, headers: .session(rita)) {
                #expect($0.status == .ok)
                #expect($0.text.contains("Oversikt over LIS – Oslo"))
            }
            for uri in [overview, overview + "/csv", overview + "/utskrift"] {
                try await client.execute(uri: uri, method: .get, headers: .session(lars)) {
                    #expect($0.status == .notFound, "\(uri)")
                }
            }
        }
        let log = try await app.services.engine.people.accessLog(
            try WorkFixture.caller(app, .lise), trainee: fixture.invitations.trainee.id)
        #expect(log.contains { $0.actorName == "Rita Rådmann" && $0.object == "tenant-overview" })
    }
}

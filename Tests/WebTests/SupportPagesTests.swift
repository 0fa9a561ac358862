import Domain
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import TestSupport
import Testing

@testable import API
@testable import Web

/// Support's console: only support staff see it; the list is searched, filtered and paged; naming the
/// signer refuses bad input with every problem at once and writes nothing; countersigning opens the tenant.
@Suite struct SupportPagesTests {
    @Test func theConsoleIsA404ForAnyoneButSupportAndAsksAStrangerToLogIn() async throws {
        let app = try PortalApp()
        let rita = try await app.session(.rita)
        try await app.test { client in
            for path in ["/brukerstotte", "/brukerstotte/virksomhet/kommune-0301"] {
                try await client.execute(uri: path, method: .get, headers: .session(rita)) { response in
                    #expect(response.status == .notFound, "\(path)")
                    #expect(response.text.contains("Vi finner ikke siden du ba om."))
                }
                try await client.execute(uri: path, method: .get) { response in
                    #expect(response.status == .seeOther)
                    #expect(response.headers[.location]?.hasPrefix("/logg-inn?neste=/brukerstotte") == true)
                }
            }
        }
    }

    @Test(arguments: [
        ("", "357 virksomheter.", ["Oslo", "Eigersund"], "Side 1 av 15"),
        ("?sok=4601", "1 virksomheter.", ["Bergen"], "Side 1 av 1"),
        ("?sok=berg&type=kommune", "", ["Bergen", "Kongsberg"], ""),
        ("?status=active", "Ingen virksomheter passer til søket.", [], ""),
        ("?side=15", "357 virksomheter.", ["Vardø", "Berlevåg"], "Side 15 av 15"),
        ("?side=99", "357 virksomheter.", ["Vardø", "Berlevåg"], "Side 15 av 15"),
        ("?type=kommune&side=2", "357 virksomheter.", [], "Side 2 av 15"),
    ])
    func theTenantsAreSearchedFilteredAndPaged(query: String, count: String, names: [String], page: String) async throws
    {
        let app = try PortalApp()
        let siri = try await app.session(.siri)
        try await app.test { client in
            try await client.execute(uri: "/brukerstotte" + query, method: .get, headers: .session(siri)) { response in
                #expect(response.status == .ok)
                if !count.isEmpty { #expect(response.text.contains(count)) }
                if !page.isEmpty { #expect(response.text.contains(page)) }
                for name in names { #expect(response.text.contains(">\(name)</a>"), "\(query): \(name)") }
            }
        }
    }

    /// The form is kept between searches (`FragmentCache`): each search must still show its own text and
    /// choices, escaped, before the result line, whether or not anything was found.
    @Test func theSearchFormShowsEachSearchsOwnTextAndChoices() async throws {
        let app = try PortalApp()
        let siri = try await app.session(.siri)
        try await app.test { client in
            let searches: [(query: String, typed: String, status: String, kind: String, result: String)] = [
                ("?sok=berg&type=kommune", "berg", "", "kommune", "virksomheter."),
                ("?sok=berg", "berg", "", "", "virksomheter."),
                ("?sok=%3Cb%3E%22x&status=active", "&lt;b&gt;&quot;x", "active", "", "Ingen virksomheter passer"),
                // A quote with a combining mark after it is escaped too (the pages' byte scan, `PageHTML`).
                ("?sok=%22%CC%81x", "&quot;\u{301}x", "", "", "Ingen virksomheter passer"),
                ("?sok=berg&type=kommune", "berg", "", "kommune", "virksomheter."),
                ("", "", "", "", "357 virksomheter."),
            ]
            for search in searches {
                let html = try await client.execute(
                    uri: "/brukerstotte" + search.query, method: .get, headers: .session(siri)
                ) { $0.text }
                #expect(html.contains(#"<input type="search" id="sok" name="sok" value="\#(search.typed)">"#))
                for (list, chosen) in [("status", search.status), ("type", search.kind)] {
                    let start = try #require(html.range(of: #"<select id="\#(list)""#))
                    let end = try #require(html.range(of: "</select>", range: start.upperBound..<html.endIndex))
                    let options = html[start.upperBound..<end.lowerBound]
                    #expect(options.components(separatedBy: " selected>").count == 2, "\(search.query): one \(list)")
                    #expect(options.contains(#"<option value="\#(chosen)" selected>"#), "\(search.query): \(list)")
                }
                let form = try #require(html.range(of: #"<form method="get" action="/brukerstotte""#))
                let result = try #require(html.range(of: search.result))
                #expect(form.upperBound < result.lowerBound)
                #expect(!html.contains(RenderedFragment.slot))
            }
        }
    }

    @Test func aRefusedSignerFormShowsEveryProblemKeepsWhatWasTypedAndSendsNothing() async throws {
        let app = try PortalApp()
        let siri = try await app.session(.siri)
        try await app.test { client in
            let page = try await client.execute(
                uri: "/brukerstotte/virksomhet/kommune-0301", method: .get, headers: .session(siri)
            ) {
                $0.text
            }
            let csrf = try #require(csrfToken(in: page))
            try await client.execute(
                uri: "/brukerstotte/virksomhet/kommune-0301/signatar", method: .post, headers: .form(session: siri),
                body: ByteBuffer(
                    string:
                        "csrf=\(csrf)&signer-name=&signer-email=ikke-en-adresse&signer-organisation-number=\(Fixtures.invalidOrgnr)"
                )
            ) { response in
                #expect(response.status == .badRequest)
                let html = response.text
                #expect(html.contains("<title>Feil: Brukerstøtte – Oslo – Kompetanseportal</title>"))
                #expect(html.contains(##"<li><a href="#signer-name">Navn: Fyll ut dette feltet.</a></li>"##))
                #expect(html.contains(##"<a href="#signer-email">E-postadresse: Skriv en gyldig e-postadresse"##))
                #expect(
                    html.contains(
                        ##"<a href="#signer-organisation-number">Organisasjonsnummer: Nummeret er ikke gyldig."##))
                #expect(html.contains(#"value="ikke-en-adresse""#))
                #expect(html.contains(#"aria-invalid="true""#))
            }
        }
        await app.services.mailer.deliverDue()
        let mail =
            (try? FileManager.default.contentsOfDirectory(atPath: app.folder.url.appendingPathComponent("_mail").path))
            ?? []
        #expect(mail.isEmpty)
    }

    @Test func supportNamesTheSignerAndCountersignsInTheConsoleAndTheTenantOpens() async throws {
        let journey = try SignerJourney()
        let version = try journey.currentVersion
        let siri = try await journey.app.session(.siri)
        let rita = try await journey.app.session(.rita)
        try await journey.app.test { client in
            let page = try await client.execute(
                uri: "/brukerstotte/virksomhet/kommune-4601", method: .get, headers: .session(siri)
            ) {
                $0.text
            }
            let csrf = try #require(csrfToken(in: page))
            try await client.execute(
                uri: "/brukerstotte/virksomhet/kommune-4601/signatar", method: .post, headers: .form(session: siri),
                body: ByteBuffer(
                    string:
                        "csrf=\(csrf)&signer-name=Rita+R%C3%A5dmann&signer-email=\(SignerJourney.email)&signer-organisation-number=\(Fixtures.klinikkenOrgnr)"
                )
            ) { response in
                #expect(response.status == .seeOther)
                #expect(response.headers[.location] == "/brukerstotte/virksomhet/kommune-4601?utfort=invitert")
            }
            let token = try #require(try await journey.linkTokens().last)
            try await journey.accept(client, token: token, session: rita)
            #expect(try await journey.sign(client, session: rita).status == .seeOther)
            let awaiting = try await client.execute(uri: "/brukerstotte", method: .get, headers: .session(siri)) {
                $0.text
            }
            #expect(
                awaiting.contains(
                    #"<td><a href="/brukerstotte/virksomhet/kommune-4601">Bergen</a></td><td>\#(version)</td><td>Rita Rådmann</td>"#
                ))
            let tenantPage = try await client.execute(
                uri: "/brukerstotte/virksomhet/kommune-4601", method: .get, headers: .session(siri)
            ) { $0.text }
            let action = try #require(
                tenantPage.range(of: #"/brukerstotte/avtaler/[0-9a-f-]+/kontrasigner"#, options: .regularExpression))
            try await client.execute(
                uri: String(tenantPage[action]), method: .post, headers: .form(session: siri),
                body: ByteBuffer(string: "csrf=\(csrf)")
            ) { response in
                #expect(response.status == .seeOther)
                #expect(response.headers[.location] == "/brukerstotte/virksomhet/kommune-4601?utfort=kontrasignert")
            }
            try await client.execute(uri: "/avtaler?sok=Bergen", method: .get) { response in
                #expect(
                    response.text.contains(
                        #"<td>Bergen</td><td>Vestland</td><td><span class="tag success">Ja</span></td>"#))
            }
        }
        #expect(try journey.app.services.registry.requireTenant(Fixtures.tenantID("kommune-4601")).status == .active)
        // The same audit chain as through the API, with the support person as actor.
        let audit = try journey.app.services.registry.auditEntries(tenant: Fixtures.tenantID("kommune-4601"))
        #expect(audit.contains { $0.action == "administrator.invited" && $0.actor == "support:dev-support" })
        #expect(audit.contains { $0.action == "agreement.countersigned" && $0.actor == "support:dev-support" })
        guard case .intact = try journey.app.services.registry.verifyAudit() else {
            Issue.record("the audit chain is broken")
            return
        }
    }
}

import Domain
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import TestSupport
import Testing

@testable import API

/// The catalog import in the console: a refused file shows every problem as a row of line, field and
/// message, and nothing is stored; a good file is imported, with the support person in the audit chain.
@Suite struct SupportCatalogPagesTests {
    static let sample = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Catalog/sample-catalog.json")

    @Test func aFileWithProblemsIsShownAsATableOfLineFieldAndMessageAndNothingIsStored() async throws {
        let fixture = try ConsoleFixture()
        let siri = try await fixture.app.session(.siri)
        let csv = Array(
            """
            plan_key,plan_name,programmes,plan_version,effective_from,sample,objective_id,objective_title,objective_description,objective_theme,activity_type,activity_title,activity_signer
            alm,Allmennmedisin,alis,1,2019-99-01,true,ALM-001,,Tekst,Tema,course,Kurs,veileder
            alm,Allmennmedisin,alis,1,2019-99-01,true,ALM-002,Mål,Tekst,Tema,dancing,Kurs,veileder

            """.utf8)
        try await fixture.app.test { client in
            let csrf = try await fixture.csrf(client, session: siri, page: "/brukerstotte/katalog")
            let response = try await fixture.upload(
                client, "/brukerstotte/katalog", session: siri, fields: [("csrf", csrf)],
                file: ("catalog-file", "katalog.csv", "text/csv", csv))
            #expect(response.status == .badRequest)
            let html = response.text
            #expect(html.contains(##"<a href="#catalog-file">Katalogfil: Katalogen har"##))
            #expect(html.contains("<h2 id=\"feil-i-filen\">Feil i katalogfilen</h2>"))
            #expect(html.contains(#"<tr><td class="number">2</td><td><code>objective_title</code></td><td>Må fylles ut</td></tr>"#))
            #expect(html.contains(#"<td class="number">3</td><td><code>activity_type</code></td>"#))
        }
        #expect(try fixture.app.services.engine.catalog.plans(by: .init(operator: "t")).isEmpty)
    }

    @Test func aGoodFileIsImportedAndListed() async throws {
        let fixture = try ConsoleFixture()
        let siri = try await fixture.app.session(.siri)
        let bytes = Array(try Data(contentsOf: Self.sample))
        try await fixture.app.test { client in
            let csrf = try await fixture.csrf(client, session: siri, page: "/brukerstotte/katalog")
            let response = try await fixture.upload(
                client, "/brukerstotte/katalog", session: siri, fields: [("csrf", csrf)],
                file: ("catalog-file", "sample-catalog.json", "application/json", bytes))
            #expect(response.status == .seeOther)
            let location = try #require(response.headers[.location])
            #expect(location.hasPrefix("/brukerstotte/katalog?lagt-til="))
            try await client.execute(uri: location, method: .get, headers: .session(siri)) { page in
                #expect(page.text.contains("Katalogen er importert:"))
                #expect(page.text.contains("<code>lis1-kommune</code>"))
            }
        }
        let audit = try fixture.app.services.registry.auditEntries(tenant: nil)
        #expect(audit.contains { $0.actor == "support:dev-support" && $0.action.hasPrefix("catalog.") })
    }

    @Test func anEmptyUploadAsksForTheFile() async throws {
        let fixture = try ConsoleFixture()
        let siri = try await fixture.app.session(.siri)
        try await fixture.app.test { client in
            let csrf = try await fixture.csrf(client, session: siri, page: "/brukerstotte/katalog")
            let response = try await fixture.upload(
                client, "/brukerstotte/katalog", session: siri, fields: [("csrf", csrf)],
                file: ("catalog-file", "", "application/octet-stream", []))
            #expect(response.status == .badRequest)
            #expect(response.text.contains(##"<a href="#catalog-file">Katalogfil: Velg katalogfilen du vil importere.</a>"##))
        }
    }
}

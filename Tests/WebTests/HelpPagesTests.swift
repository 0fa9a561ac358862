import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@testable import API

/// «Slik gjør du det»: one page per role with the rules from the sources, open to anyone, linked from the
/// footer of every page.
@Suite struct HelpPagesTests {
    @Test func everyRoleHasAHelpPageWithItsRulesAndHeadingsInOrder() async throws {
        let app = try PortalApp()
        let pages: [(String, [String])] = [
            ("/hjelp", ["én leder og én veileder", "én invitasjon per rolle"]),
            ("/hjelp/lis", ["én leder og én veileder", "én invitasjon per rolle", "Bare du og veilederen kan lese referatene"]),
            ("/hjelp/leder", ["etter råd fra veilederen og minst én supervisør", "aldri forberedelse eller referat"]),
            ("/hjelp/veileder", ["Bare veilederen planlegger og ferdigstiller", "Bare legen og veilederen kan lese"]),
            ("/hjelp/supervisor", ["flere supervisører", "Kommentaren må fylles ut"]),
            ("/hjelp/kontaktperson", ["sikkerhetsnivå 4", "Oversikt over LIS"]),
        ]
        try await app.test { client in
            for (path, rules) in pages {
                try await client.execute(uri: path, method: .get) {
                    #expect($0.status == .ok, "\(path)")
                    let html = $0.text
                    for rule in rules { #expect(html.contains(rule), "\(path): \(rule)") }
                    #expect(html.components(separatedBy: "<h1>").count == 2, "\(path): one h1")
                    let h1 = try #require(html.range(of: "<h1>"))
                    #expect(!html[..<h1.lowerBound].contains("<h2"), "\(path): nothing under h2 before the h1")
                    #expect(!html.contains("<h4"), "\(path): no skipped level")
                }
            }
            try await client.execute(uri: "/hjelp/lis", method: .get) {
                #expect($0.text.contains(#"<a href="/hjelp/lis" aria-current="page">"#))
            }
            try await client.execute(uri: "/hjelp/ukjent", method: .get) { #expect($0.status == .notFound) }
        }
    }

    @Test func everyPageLinksToTheHelpInItsFooter() async throws {
        let app = try PortalApp()
        let lise = try await app.session(.lise)
        try await app.test { client in
            for uri in ["/", "/avtaler", "/start", "/hjelp/leder", "/finnes-ikke"] {
                try await client.execute(uri: uri, method: .get, headers: .session(lise)) {
                    #expect($0.text.contains(#"<li><a href="/hjelp">Slik gjør du det (hjelp)</a></li>"#), "\(uri)")
                }
            }
        }
    }
}

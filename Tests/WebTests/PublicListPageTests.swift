import Domain
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import TestSupport
import Testing

@testable import API

/// `/avtaler` on the templates: the layout, search and fylke filter, escaping, and its cache headers.
@Suite struct PublicListPageTests {
    @Test func thePageIsInBokmalWithTheLayoutsLandmarksAndEscapesNames() async throws {
        let app = try PortalApp()
        _ = try await app.services.registry.createVirksomhet(
            id: Fixtures.tenantID("skummel"),
            organisationNumber: Fixtures.organisationNumber(Fixtures.legesenteretOrgnr),
            name: "<script>alert(1)</script> AS", actor: "test", at: Date())
        try await app.services.registry.openForTests(
            Fixtures.tenantID("skummel"), provisioner: app.services.provisioner, seal: app.services.seal,
            at: app.clock.now)
        try await app.services.registry.openForTests(
            Fixtures.tenantID("kommune-4601"), provisioner: app.services.provisioner, seal: app.services.seal,
            at: app.clock.now)
        try await app.test { client in
            try await client.execute(uri: "/avtaler", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "text/html; charset=utf-8")
                let html = response.text
                #expect(html.contains(#"<html lang="nb">"#))
                #expect(html.contains(##"<a class="skip-link" href="#hovedinnhold">"##))
                #expect(html.contains(#"<main id="hovedinnhold""#))
                #expect(html.contains(#"<link rel="stylesheet" href="/assets/portal.css">"#))
                #expect(html.contains("1 av 357 kommuner har databehandleravtale i kraft."))
                #expect(html.contains("<td>4601</td><td>Bergen</td><td>Vestland</td>"))
                #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt; AS"))
                #expect(!html.contains("<script>"))
                #expect(!html.contains("<style"))
            }
        }
    }

    @Test(arguments: [
        ("sok=berg", ["Bergen", "Kongsberg"], ["Oslo"]),
        ("fylke=Oslo", ["Oslo"], ["Bergen"]),
        ("sok=os&fylke=Vestland", ["Osterøy"], ["Oslo", "Bergen"]),
        ("sok=baerum", [], ["Oslo"]),
        ("sok=b%C3%A6rum", ["Bærum"], ["Oslo"]),
    ])
    func theListIsSearchedByNameAndFilteredByFylkeOnTheServer(query: String, shown: [String], hidden: [String])
        async throws
    {
        let app = try PortalApp()
        try await app.test { client in
            try await client.execute(uri: "/avtaler?" + query, method: .get) { response in
                #expect(response.status == .ok)
                for name in shown { #expect(response.text.contains("<td>\(name)</td>"), "\(query) shows \(name)") }
                for name in hidden { #expect(!response.text.contains("<td>\(name)</td>"), "\(query) hides \(name)") }
            }
        }
    }

    @Test func theFylkeChosenStaysSelectedAndTheSearchTextIsKeptEscaped() async throws {
        let app = try PortalApp()
        try await app.test { client in
            try await client.execute(uri: "/avtaler?fylke=Vestland&sok=%22%3E%3Cb%3E", method: .get) { response in
                #expect(response.text.contains("<option selected>Vestland</option>"))
                #expect(response.text.contains(#"value="&quot;&gt;&lt;b&gt;""#))
                #expect(response.text.contains("Ingen kommuner passer til søket."))
            }
        }
    }

    @Test func anAnonymousPageIsCachedBrieflyAndRevalidatedByETag() async throws {
        let app = try PortalApp()
        try await app.test { client in
            let etag = try await client.execute(uri: "/avtaler", method: .get) { response in
                #expect(response.headers[.cacheControl] == "public, max-age=60")
                #expect(response.headers[.contentSecurityPolicy]?.contains("script-src 'self'") == true)
                #expect(response.headers[.contentSecurityPolicy]?.contains("frame-ancestors 'none'") == true)
                #expect(response.headers[.contentSecurityPolicy]?.contains("form-action 'self'") == true)
                #expect(response.headers[.xContentTypeOptions] == "nosniff")
                #expect(response.headers[HTTPField.Name("Referrer-Policy")!] == "same-origin")
                return response.headers[.eTag] ?? ""
            }
            try await client.execute(uri: "/avtaler", method: .get, headers: [.ifNoneMatch: etag]) { response in
                #expect(response.status == .notModified)
            }
        }
    }

    @Test func aLoggedInPersonsPageIsNotStored() async throws {
        let app = try PortalApp()
        let session = try await app.session(.rita)
        try await app.test { client in
            try await client.execute(uri: "/avtaler", method: .get, headers: .session(session)) { response in
                #expect(response.headers[.cacheControl] == "no-store")
                #expect(response.headers[.eTag] == nil)
                #expect(response.text.contains("Logget inn som <strong>Rita Rådmann</strong>"))
            }
        }
    }

    @Test func theStylesheetIsOursWithCacheHeadersAndAnETag() async throws {
        let app = try PortalApp()
        try await app.test { client in
            let etag = try await client.execute(uri: "/assets/portal.css", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "text/css; charset=utf-8")
                #expect(response.headers[.cacheControl] == "public, max-age=86400")
                #expect(response.text.contains(":focus-visible"))
                #expect(!response.text.contains("@import"))
                return response.headers[.eTag] ?? ""
            }
            try await client.execute(uri: "/assets/portal.css", method: .get, headers: [.ifNoneMatch: etag]) {
                #expect($0.status == .notModified)
            }
        }
    }
}

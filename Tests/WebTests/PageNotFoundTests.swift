import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@testable import API

/// A path without a route is a page in bokmål outside the API, and problem+json inside it.
@Suite struct PageNotFoundTests {
    @Test func anUnknownPathOutsideTheAPIIsAPageWithTheLoginState() async throws {
        let app = try PortalApp()
        let session = try await app.session(.rita)
        try await app.test { client in
            try await client.execute(uri: "/finnes-ikke?x=1", method: .get) { response in
                #expect(response.status == .notFound)
                #expect(response.headers[.contentType] == "text/html; charset=utf-8")
                #expect(response.headers[.contentSecurityPolicy]?.contains("script-src 'self'") == true)
                #expect(response.text.contains("<h1>Vi finner ikke siden</h1>"))
                #expect(response.text.contains(#"<a href="/logg-inn">Logg inn</a>"#))
            }
            try await client.execute(uri: "/virksomhet/kommune-4601/ukjent", method: .get, headers: .session(session)) {
                #expect($0.status == .notFound)
                #expect($0.text.contains("Logget inn som <strong>Rita Rådmann</strong>"))
            }
        }
    }

    @Test func anUnknownPathInsideTheAPIStaysProblemJSON() async throws {
        let app = try PortalApp()
        try await app.test { client in
            for uri in ["/api/v1/finnes-ikke", "/api", "/health/finnes-ikke", "/dev-issuer/finnes-ikke"] {
                try await client.execute(uri: uri, method: .get) { response in
                    #expect(response.status == .notFound, "\(uri)")
                    #expect(response.headers[.contentType] != "text/html; charset=utf-8", "\(uri)")
                }
            }
        }
    }
}

import Domain
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing

@testable import API

/// Every state-changing form of a logged-in person carries the session's token; anything else is a 403
/// page and writes nothing (here: the session survives a refused logout).
@Suite struct CSRFTests {
    enum Refused: String, CaseIterable, Sendable {
        case withoutToken, withAnotherSessionsToken, fromAnotherSite, fromAnotherOrigin
    }

    @Test(arguments: Refused.allCases)
    func aRefusedFormIsA403PageAndChangesNothing(_ kind: Refused) async throws {
        let app = try PortalApp()
        let session = try await app.session(.rita)
        let old = try await app.session(.rita)
        try await app.test { client in
            let token = try await client.execute(uri: "/virksomhet", method: .get, headers: .session(session)) {
                csrfToken(in: $0.text)
            }
            var headers = HTTPFields.form(session: session)
            var body = "csrf=" + (token ?? "")
            switch kind {
            case .withoutToken: body = ""
            case .withAnotherSessionsToken:
                body =
                    "csrf="
                    + (try await client.execute(uri: "/virksomhet", method: .get, headers: .session(old)) {
                        csrfToken(in: $0.text)
                    } ?? "")
            case .fromAnotherSite: headers[.fetchSite] = "cross-site"
            case .fromAnotherOrigin:
                headers[.fetchSite] = nil
                headers[.origin] = "https://evil.example"
            }
            try await client.execute(uri: "/logg-ut", method: .post, headers: headers, body: ByteBuffer(string: body)) {
                response in
                #expect(response.status == .forbidden, "\(kind)")
                #expect(response.headers[.contentType] == "text/html; charset=utf-8")
                #expect(response.text.contains("Skjemaet ble avvist"))
            }
            // Still logged in: nothing was done.
            try await client.execute(uri: "/virksomhet", method: .get, headers: .session(session)) { response in
                #expect(response.status == .ok)
                #expect(response.text.contains("Rita Rådmann"))
            }
        }
    }

    @Test func theTokenFromThePageLogsOutAndTheSessionEndsOnTheServer() async throws {
        let app = try PortalApp()
        let session = try await app.session(.rita)
        try await app.test { client in
            let token = try #require(
                try await client.execute(uri: "/virksomhet", method: .get, headers: .session(session)) {
                    csrfToken(in: $0.text)
                })
            try await client.execute(
                uri: "/logg-ut", method: .post, headers: .form(session: session),
                body: ByteBuffer(string: "csrf=\(token)")
            ) { response in
                #expect(response.status == .seeOther)
                #expect(response.headers[.location] == "/logg-inn?utlogget=1")
                #expect(response.headers[.setCookie]?.contains("kp_session=;") == true)
            }
            // The old cookie no longer opens anything: the page asks to log in.
            try await client.execute(uri: "/virksomhet", method: .get, headers: .session(session)) { response in
                #expect(response.status == .seeOther)
                #expect(response.headers[.location] == "/logg-inn?neste=/virksomhet")
            }
        }
        #expect(try app.services.engine.sessions.principal(ofSession: session) == nil)
    }
}

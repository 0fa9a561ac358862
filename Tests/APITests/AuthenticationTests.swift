import Crypto
import Engine
import Foundation
import HTTPTypes
import HummingbirdTesting
import Identity
import TestSupport
import Testing

@testable import API

@Suite struct AuthenticationTests {
    enum BadToken: String, CaseIterable, Sendable {
        case missing, notBearer, malformed, expired, wrongAudience, wrongSignature, untrustedIssuer
    }

    static func header(_ kind: BadToken, app: TestApp) async throws -> HTTPFields {
        switch kind {
        case .missing: return [:]
        case .notBearer: return [.authorization: "Basic dXNlcjpwYXNz"]
        case .malformed: return .bearer("this.is-not.a-jwt")
        case .expired: return .bearer(try await app.token(lifetime: 60, at: Date().addingTimeInterval(-3600)))
        case .wrongAudience: return .bearer(try await app.token(audience: "some-other-service"))
        case .wrongSignature:
            // Same issuer name and key id, another key.
            let impostor = try DevelopmentIssuer(
                issuer: try app.issuer.issuer, audience: try app.issuer.audience,
                privateKeyPEM: DevelopmentIssuer.generateKeyPEM())
            let token = try await impostor.mint(.init(subject: "lis-1", pid: Fixtures.lisPID, name: "X"), at: Date())
            var parts = token.split(separator: ".").map(String.init)
            let header = #"{"alg":"ES256","kid":"\#(try app.issuer.keyID)","typ":"JWT"}"#
            parts[0] = Data(header.utf8).base64URLEncodedString()
            return .bearer(parts.joined(separator: "."))
        case .untrustedIssuer:
            let stranger = try DevelopmentIssuer(
                issuer: "https://stranger.example", audience: try app.issuer.audience,
                privateKeyPEM: DevelopmentIssuer.generateKeyPEM())
            return .bearer(try await stranger.mint(.init(subject: "lis-1", pid: Fixtures.lisPID, name: "X"), at: Date()))
        }
    }

    @Test(arguments: BadToken.allCases)
    func aBadTokenIsUnauthorizedWithAChallenge(_ kind: BadToken) async throws {
        let app = try TestApp()
        let id = try await app.activate("kommune-0301")
        let headers = try await Self.header(kind, app: app)
        try await app.test { client in
            try await client.execute(uri: "/api/v1/tenants/\(id)/trainees/me", method: .get, headers: headers) { response in
                #expect(response.status == .unauthorized)
                #expect(response.headers[.wwwAuthenticate]?.hasPrefix("Bearer realm=\"kompetanseportal\"") == true)
                #expect(response.problem?.code.hasPrefix("auth.") == true)
            }
            try await client.execute(
                uri: "/api/v1/tenants/\(id)/trainees/me", method: .post,
                headers: headers.merging([.contentType: "application/json"]), body: .json(#"{"programme":"lis1"}"#)
            ) { response in
                #expect(response.status == .unauthorized)
            }
            try await client.execute(uri: "/api/v1/support/tenants", method: .get, headers: headers) { response in
                #expect(response.status == .unauthorized)
            }
        }
        #expect(try await app.services.tenantStore.withDatabase(id) { try $0.traineeCount() } == 0)
    }

    @Test func theChallengeSaysWhatWasWrong() async throws {
        let app = try TestApp()
        let id = try await app.activate("kommune-0301")
        let expired = try await Self.header(.expired, app: app)
        try await app.test { client in
            try await client.execute(uri: "/api/v1/tenants/\(id)/trainees/me", method: .get, headers: expired) {
                #expect($0.problem?.code == "auth.expired")
                #expect($0.headers[.wwwAuthenticate]?.contains("error=\"invalid_token\"") == true)
            }
            try await client.execute(uri: "/api/v1/tenants/\(id)/trainees/me", method: .get) {
                #expect($0.problem?.code == "auth.missing-token")
                #expect($0.headers[.wwwAuthenticate]?.contains("error=\"invalid_request\"") == true)
            }
        }
    }

    /// A session ended by logging out is not an expired one: the client learns it was on purpose.
    @Test func aLoggedOutSessionIsReportedAsEndedAndAnExpiredOneAsExpired() async throws {
        let app = try TestApp()
        let principal = try await app.services.verifier.verify(token: try await app.token())
        var sessions: [String] = []
        for lifetime in [3600.0, 60.0] {
            let token = SessionDesk.tokenPrefix + OneTimeSecret.random()
            try await app.services.registry.createSession(
                tokenHash: OneTimeSecret.hash(token), for: principal, at: app.clock.now,
                expiresAt: app.clock.now.addingTimeInterval(lifetime))
            sessions.append(token)
        }
        let (loggedOut, expiring) = (sessions[0], sessions[1])
        try await app.test { client in
            try await client.execute(uri: "/api/v1/me/tenants", method: .get, headers: .bearer(loggedOut)) {
                #expect($0.status == .ok)
            }
            try await client.execute(uri: "/api/v1/me/session", method: .delete, headers: .bearer(loggedOut)) {
                #expect($0.status == .noContent)
            }
            try await client.execute(uri: "/api/v1/me/tenants", method: .get, headers: .bearer(loggedOut)) {
                #expect($0.status == .unauthorized)
                #expect($0.problem?.code == "auth.session-ended")
                #expect($0.problem?.message == "Du har logget ut. Logg inn på nytt for å fortsette.")
                #expect($0.headers[.wwwAuthenticate]?.contains("error=\"invalid_token\"") == true)
            }
        }
        app.clock.advance(by: 120)
        try await app.test { client in
            try await client.execute(uri: "/api/v1/me/tenants", method: .get, headers: .bearer(expiring)) {
                #expect($0.problem?.code == "auth.expired")
            }
            // Logged out and past its expiry as well: the logout is what the person did.
            try await client.execute(uri: "/api/v1/me/tenants", method: .get, headers: .bearer(loggedOut)) {
                #expect($0.problem?.code == "auth.session-ended")
            }
        }
    }
}

extension HTTPFields {
    func merging(_ other: HTTPFields) -> HTTPFields {
        var copy = self
        for field in other { copy[field.name] = field.value }
        return copy
    }
}

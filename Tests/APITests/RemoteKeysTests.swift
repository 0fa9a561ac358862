import Foundation
import HummingbirdTesting
import Identity
import TestSupport
import Testing

@testable import API

/// A real issuer publishes its keys over HTTP; the verifier fetches them from the `jwks_uri`. Here the
/// development issuer of a live server plays that issuer, and a verifier configured with a remote URL
/// (as for HelseID) verifies its tokens.
@Suite struct RemoteKeysTests {
    @Test func aVerifierFetchesTheIssuersKeysOverHTTP() async throws {
        let app = try TestApp()
        let issuer = try app.issuer
        let token = try await app.token()
        let application = try buildApplication(services: app.services)
        try await application.test(.live) { client in
            let port = try #require(client.port)
            let remote = TrustedIssuer(
                issuer: issuer.issuer, audience: issuer.audience,
                keys: .remote(jwksURL: "http://127.0.0.1:\(port)/dev-issuer/jwks"))
            let verifier = TokenVerifier(
                issuers: [remote], hasher: try PIDHasher(secret: Array(repeating: 7, count: 32)), supportSubjects: [],
                now: { Date() })
            let principal = try await verifier.verify(token: token)
            #expect(principal.subject == "lis-1")
            // The same token verified in-process gives the same person.
            #expect(try await app.services.verifier.verify(token: token).personKey == principal.personKey)
        }
    }

    @Test func unreachableKeysAreReportedAsUnavailable() async throws {
        let app = try TestApp()
        let issuer = try app.issuer
        let token = try await app.token()
        let remote = TrustedIssuer(
            issuer: issuer.issuer, audience: issuer.audience, keys: .remote(jwksURL: "http://127.0.0.1:9/jwks"))
        let verifier = TokenVerifier(
            issuers: [remote], hasher: try PIDHasher(secret: Array(repeating: 7, count: 32)), supportSubjects: [],
            now: { Date() })
        await #expect(throws: AuthenticationError.keysUnavailable) { try await verifier.verify(token: token) }
    }
}

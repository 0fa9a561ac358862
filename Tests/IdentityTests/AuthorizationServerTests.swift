import Foundation
import JWTKit
import TestSupport
import Testing

@testable import Identity

/// The development issuer's PAR, authorize and token endpoints, and the client's ID-token checks:
/// the attacks HelseID's security profile guards against.
struct AuthorizationFixture {
    static let redirect = "https://portal.test/auth/callback"
    let clock = TestClock(Date(timeIntervalSince1970: 1_795_000_000))
    let issuer: DevelopmentIssuer
    let signer: ClientAssertionSigner
    let server: DevelopmentAuthorizationServer
    let verifier: TokenVerifier

    init() throws {
        issuer = try DevelopmentIssuer(
            issuer: "https://issuer.test", audience: "kompetanseportal", privateKeyPEM: DevelopmentIssuer.generateKeyPEM())
        signer = try ClientAssertionSigner(clientID: "portal", privateKeyPEM: DevelopmentIssuer.generateKeyPEM())
        let clock = clock
        server = DevelopmentAuthorizationServer(
            issuer: issuer, clients: [.init(id: "portal", publicJWK: signer.publicJWK, redirectURIs: [Self.redirect])],
            apiAudience: "kompetanseportal", now: { clock.now })
        verifier = TokenVerifier(
            issuers: [issuer.trustedIssuer], hasher: try PIDHasher(secret: Array(repeating: 1, count: 32)),
            supportSubjects: [], now: { clock.now })
    }

    func parForm(verifier: String = "v".padding(toLength: 43, withPad: "v", startingAt: 0), assertion: String) -> [String: String] {
        [
            "client_id": "portal", "client_assertion_type": ClientAssertionClaims.type, "client_assertion": assertion,
            "response_type": "code", "redirect_uri": Self.redirect, "scope": "openid profile", "state": "s-1",
            "nonce": "n-1", "code_challenge": OneTimeSecret.codeChallenge(for: verifier), "code_challenge_method": "S256",
        ]
    }

    /// Runs PAR and authorize; returns the code.
    func code(verifier: String = "v".padding(toLength: 43, withPad: "v", startingAt: 0)) async throws -> String {
        let assertion = try await signer.sign(audience: issuer.issuer, at: clock.now)
        let (uri, _) = try await server.pushAuthorizationRequest(parForm(verifier: verifier, assertion: assertion))
        let redirect = try server.authorize(
            clientID: "portal", requestURI: uri, person: .init(subject: "lis-1", pid: "02013299997", name: "Lise"))
        let items = URLComponents(url: redirect, resolvingAgainstBaseURL: false)?.queryItems ?? []
        #expect(items.first { $0.name == "state" }?.value == "s-1")
        #expect(items.first { $0.name == "iss" }?.value == issuer.issuer)
        return try #require(items.first { $0.name == "code" }?.value)
    }

    func tokenForm(code: String, verifier: String = "v".padding(toLength: 43, withPad: "v", startingAt: 0), assertion: String)
        -> [String: String]
    {
        [
            "grant_type": "authorization_code", "code": code, "redirect_uri": Self.redirect, "code_verifier": verifier,
            "client_id": "portal", "client_assertion_type": ClientAssertionClaims.type, "client_assertion": assertion,
        ]
    }
}

@Suite struct AuthorizationServerTests {
    @Test func theCodeFlowIssuesAnIDTokenForTheClientWithTheNonce() async throws {
        let fixture = try AuthorizationFixture()
        let code = try await fixture.code()
        let assertion = try await fixture.signer.sign(audience: fixture.issuer.issuer, at: fixture.clock.now)
        let tokens = try await fixture.server.token(fixture.tokenForm(code: code, assertion: assertion))
        let person = try await fixture.verifier.verifyIDToken(tokens.idToken, clientID: "portal", nonce: "n-1")
        #expect(person.subject == "lis-1")
        // The access token is for the API, not the client.
        #expect(try await fixture.verifier.verify(token: tokens.accessToken).subject == "lis-1")
    }

    @Test func anIDTokenWithTheWrongNonceOrAudienceIsRefused() async throws {
        let fixture = try AuthorizationFixture()
        let code = try await fixture.code()
        let assertion = try await fixture.signer.sign(audience: fixture.issuer.issuer, at: fixture.clock.now)
        let tokens = try await fixture.server.token(fixture.tokenForm(code: code, assertion: assertion))
        await #expect(throws: AuthenticationError.invalidClaim("nonce")) {
            try await fixture.verifier.verifyIDToken(tokens.idToken, clientID: "portal", nonce: "another-nonce")
        }
        await #expect(throws: AuthenticationError.wrongAudience) {
            try await fixture.verifier.verifyIDToken(tokens.idToken, clientID: "another-client", nonce: "n-1")
        }
        // An access token is not an ID token: wrong audience for the client.
        await #expect(throws: (any Error).self) {
            try await fixture.verifier.verifyIDToken(tokens.accessToken, clientID: "portal", nonce: "n-1")
        }
    }

    @Test func aClientAssertionCannotBeUsedTwice() async throws {
        let fixture = try AuthorizationFixture()
        let assertion = try await fixture.signer.sign(audience: fixture.issuer.issuer, at: fixture.clock.now)
        _ = try await fixture.server.pushAuthorizationRequest(fixture.parForm(assertion: assertion))
        await #expect(throws: OAuthError("invalid_client", "client assertion jti already used")) {
            try await fixture.server.pushAuthorizationRequest(fixture.parForm(assertion: assertion))
        }
    }

    @Test func aClientAssertionForAnotherAudienceOrTooOldIsRefused() async throws {
        let fixture = try AuthorizationFixture()
        let elsewhere = try await fixture.signer.sign(audience: "https://other.test", at: fixture.clock.now)
        await #expect(throws: OAuthError("invalid_client", "aud must be the issuer")) {
            try await fixture.server.pushAuthorizationRequest(fixture.parForm(assertion: elsewhere))
        }
        let old = try await fixture.signer.sign(audience: fixture.issuer.issuer, at: fixture.clock.now.addingTimeInterval(-120))
        await #expect(throws: OAuthError.self) { try await fixture.server.pushAuthorizationRequest(fixture.parForm(assertion: old)) }
        let impostor = try ClientAssertionSigner(clientID: "portal", privateKeyPEM: DevelopmentIssuer.generateKeyPEM())
        let forged = try await impostor.sign(audience: fixture.issuer.issuer, at: fixture.clock.now)
        await #expect(throws: OAuthError.self) { try await fixture.server.pushAuthorizationRequest(fixture.parForm(assertion: forged)) }
    }

    @Test func theCodeNeedsTheRightVerifierAndWorksOnce() async throws {
        let fixture = try AuthorizationFixture()
        let code = try await fixture.code()
        let wrong = try await fixture.signer.sign(audience: fixture.issuer.issuer, at: fixture.clock.now)
        await #expect(throws: OAuthError("invalid_grant", "code_verifier does not match the code_challenge")) {
            try await fixture.server.token(
                fixture.tokenForm(code: code, verifier: "w".padding(toLength: 43, withPad: "w", startingAt: 0), assertion: wrong))
        }
        // The failed attempt used the code up.
        let again = try await fixture.signer.sign(audience: fixture.issuer.issuer, at: fixture.clock.now)
        await #expect(throws: OAuthError("invalid_grant", "unknown, used or expired code")) {
            try await fixture.server.token(fixture.tokenForm(code: code, assertion: again))
        }
    }

    @Test func aRequestURIWorksOnceAndOnlyBriefly() async throws {
        let fixture = try AuthorizationFixture()
        let assertion = try await fixture.signer.sign(audience: fixture.issuer.issuer, at: fixture.clock.now)
        let (uri, expiresIn) = try await fixture.server.pushAuthorizationRequest(fixture.parForm(assertion: assertion))
        #expect(expiresIn == 60)
        fixture.clock.advance(by: 61)
        #expect(throws: OAuthError.self) {
            try fixture.server.authorize(clientID: "portal", requestURI: uri, person: .init(subject: "a", pid: "1", name: "A"))
        }
    }

    @Test func anUnregisteredRedirectOrNoPKCEIsRefused() async throws {
        let fixture = try AuthorizationFixture()
        var form = fixture.parForm(assertion: try await fixture.signer.sign(audience: fixture.issuer.issuer, at: fixture.clock.now))
        form["redirect_uri"] = "https://evil.test/callback"
        await #expect(throws: OAuthError.self) { try await fixture.server.pushAuthorizationRequest(form) }
        var plain = fixture.parForm(assertion: try await fixture.signer.sign(audience: fixture.issuer.issuer, at: fixture.clock.now))
        plain["code_challenge_method"] = "plain"
        await #expect(throws: OAuthError("invalid_request", "PKCE with S256 is required")) {
            try await fixture.server.pushAuthorizationRequest(plain)
        }
    }
}

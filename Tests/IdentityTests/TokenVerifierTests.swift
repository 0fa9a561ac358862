import Crypto
import Domain
import Foundation
import JWTKit
import TestSupport
import Testing

@testable import Identity

/// A development issuer and a verifier that trusts it, with a clock the test controls.
struct VerifierFixture {
    static let issuerURL = "http://127.0.0.1:8080/dev-issuer"
    static let audience = "kompetanseportal"
    static let now = Date(timeIntervalSince1970: 1_795_000_000)
    static let hashKey = Array(repeating: UInt8(42), count: 32)

    let issuer: DevelopmentIssuer
    let verifier: TokenVerifier

    init(now: Date = Self.now, support: Set<String> = ["support-1"], allowSynthetic: Bool = false) throws {
        issuer = try DevelopmentIssuer(
            issuer: Self.issuerURL, audience: Self.audience, privateKeyPEM: DevelopmentIssuer.generateKeyPEM())
        verifier = TokenVerifier(
            issuers: [issuer.trustedIssuer], hasher: try PIDHasher(secret: Self.hashKey), supportSubjects: support,
            clockSkew: 60, allowSyntheticIdentityNumbers: allowSynthetic, now: { now })
    }

    static func request(
        subject: String = "lis-1", pid: String = "02013299997", level: Int = 4, lifetime: TimeInterval = 600,
        audience: String? = nil
    ) -> DevelopmentTokenRequest {
        DevelopmentTokenRequest(
            subject: subject, pid: pid, name: "Lise Lege", hprNumber: "181000001", securityLevel: level,
            lifetime: lifetime, audience: audience)
    }

    /// Signs arbitrary claims with a fresh key under the trusted issuer's name and key id (a forgery).
    static func forged(_ claims: HelseIDClaims, keyID: String) async throws -> String {
        let keys = JWTKeyCollection()
        await keys.add(ecdsa: try ES256PrivateKey(pem: P256.Signing.PrivateKey().pemRepresentation), kid: JWKIdentifier(string: keyID))
        return try await keys.sign(claims, kid: JWKIdentifier(string: keyID))
    }
}

@Suite struct TokenVerifierTests {
    @Test(arguments: ["12345678901", "02013299998", "0201329999", "15138810000"])
    func aPidThatIsNoIdentityNumberIsRefusedNamingTheClaim(_ pid: String) async throws {
        let fixture = try VerifierFixture()
        let token = try await fixture.issuer.mint(VerifierFixture.request(pid: pid), at: VerifierFixture.now)
        await #expect(throws: AuthenticationError.invalidClaim("helseid://claims/identity/pid")) {
            try await fixture.verifier.verify(token: token)
        }
    }

    @Test func aSyntheticTestNumberIsAcceptedOnlyWhereTheConfigurationAllowsIt() async throws {
        let strict = try VerifierFixture()
        let token = try await strict.issuer.mint(VerifierFixture.request(pid: "12858510048"), at: VerifierFixture.now)
        await #expect(throws: AuthenticationError.invalidClaim("helseid://claims/identity/pid")) {
            try await strict.verifier.verify(token: token)
        }
        let demo = try VerifierFixture(allowSynthetic: true)
        let accepted = try await demo.issuer.mint(VerifierFixture.request(pid: "12858510048"), at: VerifierFixture.now)
        #expect(try await demo.verifier.verify(token: accepted).subject == "lis-1")
    }

    @Test func aTokenFromTheTrustedIssuerGivesThePersonWithAHashedPID() async throws {
        let fixture = try VerifierFixture()
        let token = try await fixture.issuer.mint(VerifierFixture.request(), at: VerifierFixture.now)
        let principal = try await fixture.verifier.verify(authorizationHeader: "Bearer \(token)")
        #expect(principal.subject == "lis-1")
        #expect(principal.name == "Lise Lege")
        #expect(principal.hprNumber == "181000001")
        #expect(principal.securityLevel == .level4)
        #expect(!principal.isSupport)
        let expected = HMAC<SHA256>.authenticationCode(
            for: Array("02013299997".utf8), using: SymmetricKey(data: VerifierFixture.hashKey))
        #expect(principal.personKey == PersonKey(digest: expected))
        #expect(!principal.personKey.hex.contains("02013299997"))
    }

    @Test func aListedSupportSubjectIsMarkedAsSupport() async throws {
        let fixture = try VerifierFixture()
        let token = try await fixture.issuer.mint(VerifierFixture.request(subject: "support-1"), at: VerifierFixture.now)
        #expect(try await fixture.verifier.verify(token: token).isSupport)
    }

    @Test func aMissingHeaderIsRefused() async throws {
        let fixture = try VerifierFixture()
        await #expect(throws: AuthenticationError.missingToken) { try await fixture.verifier.verify(authorizationHeader: nil) }
        await #expect(throws: AuthenticationError.missingToken) { try await fixture.verifier.verify(authorizationHeader: "") }
    }

    @Test(arguments: ["Basic dXNlcjpwYXNz", "Bearer", "Bearer not-a-jwt", "Bearer a.b", "Bearer a.b.c.d", "Bearer ...", "Bearer eyJ.eyJ.sig"])
    func aMalformedTokenIsRefused(_ header: String) async throws {
        let fixture = try VerifierFixture()
        await #expect(throws: AuthenticationError.malformedToken) {
            try await fixture.verifier.verify(authorizationHeader: header)
        }
    }

    @Test func anExpiredTokenIsRefusedAfterTheClockSkew() async throws {
        let fixture = try VerifierFixture()
        let token = try await fixture.issuer.mint(
            VerifierFixture.request(lifetime: 300), at: VerifierFixture.now.addingTimeInterval(-361))
        await #expect(throws: AuthenticationError.expired) { try await fixture.verifier.verify(token: token) }
    }

    @Test func aTokenJustExpiredWithinTheClockSkewIsAccepted() async throws {
        let fixture = try VerifierFixture()
        let token = try await fixture.issuer.mint(
            VerifierFixture.request(lifetime: 300), at: VerifierFixture.now.addingTimeInterval(-330))
        #expect(try await fixture.verifier.verify(token: token).subject == "lis-1")
    }

    @Test func aTokenNotYetValidIsRefused() async throws {
        let fixture = try VerifierFixture()
        let token = try await fixture.issuer.mint(VerifierFixture.request(), at: VerifierFixture.now.addingTimeInterval(300))
        await #expect(throws: AuthenticationError.notYetValid) { try await fixture.verifier.verify(token: token) }
    }

    @Test func aTokenForAnotherAudienceIsRefused() async throws {
        let fixture = try VerifierFixture()
        let token = try await fixture.issuer.mint(VerifierFixture.request(audience: "another-service"), at: VerifierFixture.now)
        await #expect(throws: AuthenticationError.wrongAudience) { try await fixture.verifier.verify(token: token) }
    }

    @Test func aTokenSignedWithAnotherKeyIsRefused() async throws {
        let fixture = try VerifierFixture()
        let claims = HelseIDClaims(
            issuer: VerifierFixture.issuerURL, subject: "lis-1", audience: [VerifierFixture.audience],
            expiresAt: VerifierFixture.now.addingTimeInterval(600), notBefore: nil, issuedAt: nil, name: "X",
            pid: "02013299997", hprNumber: nil, securityLevel: "4")
        let forged = try await VerifierFixture.forged(claims, keyID: fixture.issuer.keyID)
        await #expect(throws: AuthenticationError.invalidSignature) { try await fixture.verifier.verify(token: forged) }
    }

    @Test func aTokenWithATamperedPayloadIsRefused() async throws {
        let fixture = try VerifierFixture()
        let token = try await fixture.issuer.mint(VerifierFixture.request(), at: VerifierFixture.now)
        let parts = token.split(separator: ".").map(String.init)
        var payload = try JSONSerialization.jsonObject(with: try #require(Data(base64URLEncoded: parts[1]))) as! [String: Any]
        payload["sub"] = "someone-else"
        let tampered = Data(try JSONSerialization.data(withJSONObject: payload)).base64URLEncodedString()
        await #expect(throws: AuthenticationError.invalidSignature) {
            try await fixture.verifier.verify(token: "\(parts[0]).\(tampered).\(parts[2])")
        }
    }

    @Test func aTokenFromAnUntrustedIssuerIsRefused() async throws {
        let fixture = try VerifierFixture()
        let stranger = try DevelopmentIssuer(
            issuer: "https://evil.example", audience: VerifierFixture.audience,
            privateKeyPEM: DevelopmentIssuer.generateKeyPEM())
        let token = try await stranger.mint(VerifierFixture.request(), at: VerifierFixture.now)
        await #expect(throws: AuthenticationError.unknownIssuer) { try await fixture.verifier.verify(token: token) }
    }

    @Test func aTokenWithoutAPIDIsRefused() async throws {
        let fixture = try VerifierFixture()
        let token = try await fixture.issuer.mint(VerifierFixture.request(pid: ""), at: VerifierFixture.now)
        await #expect(throws: AuthenticationError.missingClaim("helseid://claims/identity/pid")) {
            try await fixture.verifier.verify(token: token)
        }
    }

    @Test(arguments: [1, 5, 99])
    func aTokenWithAnUnknownSecurityLevelIsRefused(_ level: Int) async throws {
        let fixture = try VerifierFixture()
        let token = try await fixture.issuer.mint(VerifierFixture.request(level: level), at: VerifierFixture.now)
        await #expect(throws: AuthenticationError.invalidClaim("helseid://claims/identity/security_level")) {
            try await fixture.verifier.verify(token: token)
        }
    }

    @Test func aRememberedTokenIsStillRefusedOnceItExpires() async throws {
        let clock = TestClock(VerifierFixture.now)
        let issuer = try DevelopmentIssuer(
            issuer: VerifierFixture.issuerURL, audience: VerifierFixture.audience,
            privateKeyPEM: DevelopmentIssuer.generateKeyPEM())
        let verifier = TokenVerifier(
            issuers: [issuer.trustedIssuer], hasher: try PIDHasher(secret: VerifierFixture.hashKey), supportSubjects: [],
            clockSkew: 60, now: { clock.now })
        let token = try await issuer.mint(VerifierFixture.request(lifetime: 120), at: VerifierFixture.now)
        #expect(try await verifier.verify(token: token).subject == "lis-1")
        #expect(try await verifier.verify(token: token).subject == "lis-1")
        clock.advance(by: 181)
        await #expect(throws: AuthenticationError.expired) { try await verifier.verify(token: token) }
    }

    @Test func theJWKSOfTheDevelopmentIssuerIsAnECKeySet() throws {
        let fixture = try VerifierFixture()
        let jwks = try JSONSerialization.jsonObject(with: Data(fixture.issuer.jwksJSON.utf8)) as? [String: Any]
        let key = try #require((jwks?["keys"] as? [[String: Any]])?.first)
        #expect(key["kty"] as? String == "EC")
        #expect(key["crv"] as? String == "P-256")
        #expect(key["kid"] as? String == fixture.issuer.keyID)
        #expect(key["d"] == nil)
    }
}

import Crypto
import Foundation
import JWTKit

/// A stand-in for HelseID that mints HelseID-shaped tokens and publishes its JWKS, so the portal runs
/// locally and in tests. Its tokens are verified by the same `TokenVerifier` as HelseID's.
///
/// Enabled only by configuration (`devIssuer.enabled`, on in `--demo`); its key is a P-256 key given in
/// the environment (`KP_DEV_ISSUER_KEY`, PEM) or, in demo mode, kept under `Tenants/_dev/`.
package struct DevelopmentIssuer: Sendable {
    package let issuer: String
    package let audience: String
    package let keyID: String
    private let privateKey: P256.Signing.PrivateKey

    package init(issuer: String, audience: String, privateKeyPEM: String) throws(IdentityConfigurationError) {
        guard let key = try? P256.Signing.PrivateKey(pemRepresentation: privateKeyPEM) else {
            throw .invalidDevelopmentKey
        }
        self.issuer = issuer
        self.audience = audience
        self.privateKey = key
        // The key id is derived from the public key, so a new key never reuses an old id.
        let digest = SHA256.hash(data: key.publicKey.x963Representation)
        self.keyID = "dev-" + Data(digest.prefix(8)).base64URLEncodedString()
    }

    /// A fresh PEM-encoded P-256 private key.
    package static func generateKeyPEM() -> String {
        P256.Signing.PrivateKey().pemRepresentation
    }

    /// Reads the demo key from `file`, creating it (readable by the owner only) on first use.
    package static func loadOrCreateKey(at file: URL) throws -> String {
        if let existing = try? String(contentsOf: file, encoding: .utf8) { return existing }
        try FileManager.default.createDirectory(
            at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        let pem = generateKeyPEM()
        try Data(pem.utf8).write(to: file, options: [.atomic])
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: file.path)
        return pem
    }

    /// The issuer as the verifier trusts it.
    package var trustedIssuer: TrustedIssuer {
        TrustedIssuer(issuer: issuer, audience: audience, keys: .inline(jwksJSON: jwksJSON))
    }

    /// The public key set (RFC 7517), as served at the issuer's `jwks_uri`.
    package var jwksJSON: String {
        let point = privateKey.publicKey.x963Representation.dropFirst()
        let x = Data(point.prefix(32)).base64URLEncodedString()
        let y = Data(point.suffix(32)).base64URLEncodedString()
        return """
            {"keys":[{"kty":"EC","crv":"P-256","use":"sig","alg":"ES256","kid":"\(keyID)","x":"\(x)","y":"\(y)"}]}
            """
    }

    /// The OpenID discovery document of the development issuer.
    package var discoveryJSON: String {
        """
        {"issuer":"\(issuer)","jwks_uri":"\(issuer)/jwks",\
        "authorization_endpoint":"\(issuer)/authorize","token_endpoint":"\(issuer)/token",\
        "pushed_authorization_request_endpoint":"\(issuer)/par","require_pushed_authorization_requests":true,\
        "response_types_supported":["code"],"grant_types_supported":["authorization_code"],\
        "code_challenge_methods_supported":["S256"],"token_endpoint_auth_methods_supported":["private_key_jwt"],\
        "id_token_signing_alg_values_supported":["ES256"],\
        "claims_supported":["sub","name","helseid://claims/identity/pid","helseid://claims/hpr/hpr_number",\
        "helseid://claims/identity/security_level"]}
        """
    }

    /// Mints a signed token for a person, shaped like a HelseID access token.
    package func mint(_ request: DevelopmentTokenRequest, at now: Date) async throws -> String {
        let claims = HelseIDClaims(
            issuer: issuer, subject: request.subject, audience: [request.audience ?? audience],
            expiresAt: now.addingTimeInterval(request.lifetime), notBefore: now.addingTimeInterval(-1),
            issuedAt: now, name: request.name, pid: request.pid, hprNumber: request.hprNumber,
            securityLevel: String(request.securityLevel), nonce: request.nonce)
        let keys = JWTKeyCollection()
        await keys.add(ecdsa: try ES256PrivateKey(pem: privateKey.pemRepresentation), kid: JWKIdentifier(string: keyID))
        return try await keys.sign(claims, kid: JWKIdentifier(string: keyID))
    }
}

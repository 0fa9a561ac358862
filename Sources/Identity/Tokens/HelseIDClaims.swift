import Foundation
import JWTKit

/// The claims of a HelseID access or ID token that the portal reads (names as in HelseID's documentation).
///
/// `verify(using:)` is where JWTKit lets a payload check itself, but it has no clock to check against;
/// lifetime, issuer and audience are checked by `TokenVerifier` with the injected clock and skew, so that
/// tests can move time and the dev issuer and a real one go through the same checks.
package struct HelseIDClaims: JWTPayload, Equatable {
    package var issuer: String
    package var subject: String
    package var audience: AudienceClaim
    package var expiresAt: ExpirationClaim
    package var notBefore: NotBeforeClaim?
    package var issuedAt: IssuedAtClaim?
    package var name: String?
    package var pid: String?
    package var hprNumber: String?
    /// HelseID sends the level as a string ("3", "4").
    package var securityLevel: String?
    /// Only in ID tokens: the value the client sent with its authorization request.
    package var nonce: String?

    enum CodingKeys: String, CodingKey {
        case issuer = "iss"
        case subject = "sub"
        case audience = "aud"
        case expiresAt = "exp"
        case notBefore = "nbf"
        case issuedAt = "iat"
        case name
        case pid = "helseid://claims/identity/pid"
        case hprNumber = "helseid://claims/hpr/hpr_number"
        case securityLevel = "helseid://claims/identity/security_level"
        case nonce
    }

    package init(
        issuer: String, subject: String, audience: [String], expiresAt: Date, notBefore: Date?, issuedAt: Date?,
        name: String?, pid: String?, hprNumber: String?, securityLevel: String?, nonce: String? = nil
    ) {
        self.issuer = issuer
        self.subject = subject
        self.audience = AudienceClaim(value: audience)
        self.expiresAt = ExpirationClaim(value: expiresAt)
        self.notBefore = notBefore.map { NotBeforeClaim(value: $0) }
        self.issuedAt = issuedAt.map { IssuedAtClaim(value: $0) }
        self.name = name
        self.pid = pid
        self.hprNumber = hprNumber
        self.securityLevel = securityLevel
        self.nonce = nonce
    }

    package func verify(using algorithm: some JWTAlgorithm) async throws {}
}

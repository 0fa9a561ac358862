import Crypto
import Domain
import Foundation

/// Single-use secrets and how they are stored: login `state`, `nonce` and PKCE verifier (RFC 7636), session
/// tokens and invitation tokens. Only `hash(_:)` of a secret is ever written down.
package enum OneTimeSecret {
    /// 32 random bytes, base64url (43 characters): enough for state, nonce and a PKCE verifier.
    package static func random() -> String {
        var generator = SystemRandomNumberGenerator()
        return Data((0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) }).base64URLEncodedString()
    }

    /// The S256 code challenge of a PKCE verifier.
    package static func codeChallenge(for verifier: String) -> String {
        Data(SHA256.hash(data: Array(verifier.utf8))).base64URLEncodedString()
    }

    /// SHA-256, hex: how state values and session tokens are stored.
    package static func hash(_ value: String) -> String {
        SHA256.hash(data: Array(value.utf8)).hexEncoded
    }
}

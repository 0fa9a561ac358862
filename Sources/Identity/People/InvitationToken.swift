import Crypto
import Foundation

/// The secret in an invitation link: 32 random bytes, base64url; only its SHA-256 is stored.
package enum InvitationToken {
    package static func generate() -> (token: String, hash: String) {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        let token = Data(bytes).base64URLEncodedString()
        return (token, hash(token))
    }

    package static func hash(_ token: String) -> String {
        SHA256.hash(data: Array(token.utf8)).map { String(format: "%02x", $0) }.joined()
    }
}

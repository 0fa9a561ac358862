import Crypto
import Domain
import Foundation

/// Turns a national identity number into a `PersonKey`: HMAC-SHA-256 under a key held outside the data.
///
/// The key comes from the environment (`KP_PID_HASH_KEY`); without it, the hashes in a stolen database
/// cannot be reversed by trying all eleven-digit numbers.
package struct PIDHasher: Sendable {
    private let key: SymmetricKey

    /// - Parameter secret: at least 32 bytes.
    package init(secret: [UInt8]) throws(IdentityConfigurationError) {
        guard secret.count >= 32 else { throw .pidHashKeyTooShort }
        self.key = SymmetricKey(data: secret)
    }

    package func personKey(pid: String) -> PersonKey {
        let mac = HMAC<SHA256>.authenticationCode(for: Array(pid.utf8), using: key)
        return PersonKey(digest: mac)
    }
}

/// Configuration of the identity layer that cannot work.
package enum IdentityConfigurationError: Error, Equatable {
    case pidHashKeyTooShort
    case invalidDevelopmentKey
    case invalidClientKey
}

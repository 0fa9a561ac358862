import Crypto
import Domain
import Foundation

/// The per-session token every state-changing form carries: an HMAC of a fixed label under the session
/// token itself. Another site cannot compute it (the session token is in an HttpOnly cookie it never
/// sees), it needs no storage, and it changes with every login, so a form from an old session is stale.
struct CSRFToken: Sendable, Equatable {
    let value: String

    init(sessionToken: String) {
        let code = HMAC<SHA256>.authenticationCode(
            for: Data("kompetanseportal-csrf-v1".utf8), using: SymmetricKey(data: Data(sessionToken.utf8)))
        self.value = Array(code).hexEncoded
    }

    /// Compares in constant time, so the answer's timing says nothing about how much of a guess was right.
    func matches(_ presented: String?) -> Bool {
        guard let presented else { return false }
        let left = Array(value.utf8)
        let right = Array(presented.utf8)
        guard left.count == right.count else { return false }
        return zip(left, right).reduce(0) { $0 | ($1.0 ^ $1.1) } == 0
    }
}

import Domain

/// What the registry knows of a session token: live with its person, or why not.
package enum SessionLookup: Sendable, Equatable {
    case live(Principal)
    /// Revoked by logging out.
    case ended
    case expired
    /// No session has this token (it never existed, or its row is gone).
    case unknown
}

import struct Foundation.Date

/// Why an invitation cannot be created, accepted or revoked.
package enum InvitationError: Error, Equatable, Sendable {
    /// No invitation with this token in this tenant (also what a token from another tenant gets).
    case unknown
    case expired(at: Date)
    case revoked
    case alreadyUsed
    case nothingToReplace(Role)
    case role(RoleError)
    case invalid(ValidationError)
}

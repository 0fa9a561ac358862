import struct Foundation.Date
import struct Foundation.TimeInterval
import struct Foundation.UUID

/// An invitation to take one role for one LIS, sent by e-mail as a single-use link.
///
/// Only a hash of the token is stored: the link in the e-mail is the only copy of the token.
package struct Invitation: Sendable, Equatable {
    package enum State: String, Sendable, Codable {
        case pending, accepted, revoked
    }

    package let id: UUID
    package let traineeID: UUID
    package let role: Role
    package let email: String
    /// SHA-256 of the token, hex.
    package let tokenHash: String
    /// Who invited: `person:<key prefix>` for the LIS, `support:<sub>` for support.
    package let invitedBy: String
    /// True when accepting replaces the current leder or veileder: the explicit step for changing one.
    package let replacesHolder: Bool
    package let createdAt: Date
    package let expiresAt: Date
    package var state: State
    package var decidedAt: Date?
    package var acceptedBy: PersonKey?

    package static let lifetime: TimeInterval = 14 * 24 * 3600

    package init(
        id: UUID, traineeID: UUID, role: Role, email: String, tokenHash: String, invitedBy: String,
        replacesHolder: Bool, createdAt: Date, expiresAt: Date, state: State, decidedAt: Date?, acceptedBy: PersonKey?
    ) {
        self.id = id
        self.traineeID = traineeID
        self.role = role
        self.email = email
        self.tokenHash = tokenHash
        self.invitedBy = invitedBy
        self.replacesHolder = replacesHolder
        self.createdAt = createdAt
        self.expiresAt = expiresAt
        self.state = state
        self.decidedAt = decidedAt
        self.acceptedBy = acceptedBy
    }
}

import struct Foundation.Date

/// Why an invitation cannot be created, accepted or revoked.
package enum InvitationError: DescribedFailure, Equatable {
    /// No invitation with this token in this tenant (also what a token from another tenant gets).
    case unknown
    case expired(at: Date)
    case revoked
    case alreadyUsed
    case nothingToReplace(Role)
    /// Reads as the role error itself.
    case role(RoleError)
    /// Reads as the validation error itself (`validation.failed`, naming the field).
    case invalid(ValidationError)

    package var code: String {
        switch self {
        case .unknown: "invitation.unknown"
        case .expired: "invitation.expired"
        case .revoked: "invitation.revoked"
        case .alreadyUsed: "invitation.used"
        case .nothingToReplace: "invitation.nothing-to-replace"
        case .role(let error): error.code
        case .invalid(let error): error.code
        }
    }

    package var category: FailureCategory {
        switch self {
        case .unknown: .notFound
        case .expired, .revoked: .gone
        case .alreadyUsed, .nothingToReplace: .conflict
        case .role(let error): error.category
        case .invalid(let error): error.category
        }
    }

    package var title: String? {
        switch self {
        case .unknown: "No such invitation"
        case .expired: "Invitation expired"
        case .revoked: "Invitation revoked"
        case .alreadyUsed: "Invitation already used"
        case .nothingToReplace: "Nothing to replace"
        case .role(let error): error.title
        case .invalid(let error): error.title
        }
    }

    package var detail: String {
        switch self {
        case .unknown: "No invitation in this tenant has this token"
        case .expired: "The invitation has expired; ask for a new one"
        case .revoked: "The invitation was withdrawn"
        case .alreadyUsed: "The invitation has already been accepted"
        case .nothingToReplace(let role): "This LIS has no \(role.rawValue) to replace"
        case .role(let error): error.detail
        case .invalid(let error): error.detail
        }
    }

    package var message: String {
        switch self {
        case .unknown: "Vi finner ikke denne invitasjonen. Sjekk at du bruker lenken fra e-posten."
        case .expired: "Invitasjonen er utløpt. Be om en ny invitasjon."
        case .revoked: "Invitasjonen er trukket tilbake."
        case .alreadyUsed: "Invitasjonen er allerede tatt i bruk."
        case .nothingToReplace(let role): "LIS-en har ingen \(role.norwegianName) som kan byttes ut."
        case .role(let error): error.message
        case .invalid(let error): error.message
        }
    }

    package var inputField: String? {
        switch self {
        case .nothingToReplace: "replacesHolder"
        case .role(let error): error.inputField
        case .invalid(let error): error.field
        default: nil
        }
    }
}

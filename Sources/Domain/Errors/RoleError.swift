/// Why a role cannot be granted.
package enum RoleError: DescribedFailure, Equatable {
    /// Leder and veileder are held by one person at a time; replacing one is an explicit step.
    case roleTaken(Role)
    case alreadyHeld(Role)
    case ownRole
    case notAPerTraineeRole(Role)

    package var code: String {
        switch self {
        case .roleTaken: "role.taken"
        case .alreadyHeld: "role.already-held"
        case .ownRole: "role.own-role"
        case .notAPerTraineeRole: "role.invalid"
        }
    }

    package var category: FailureCategory {
        switch self {
        case .roleTaken, .alreadyHeld, .ownRole: .conflict
        case .notAPerTraineeRole: .invalid
        }
    }

    package var title: String? {
        switch self {
        case .roleTaken: "Role already filled"
        case .alreadyHeld: "Role already held"
        case .ownRole: "Not for yourself"
        case .notAPerTraineeRole: "Not a role for a LIS"
        }
    }

    package var detail: String {
        switch self {
        case .roleTaken(let role): "This LIS already has a \(role.rawValue); replacing one is a separate step"
        case .alreadyHeld(let role): "You already are \(role.rawValue) for this LIS"
        case .ownRole: "A LIS cannot hold a role for themselves"
        case .notAPerTraineeRole(let role): "\(role.rawValue) is not held for one LIS"
        }
    }

    package var message: String {
        switch self {
        case .roleTaken(let role):
            "LIS-en har allerede en \(role.norwegianName). Å bytte \(role.norwegianName) er et eget steg."
        case .alreadyHeld(let role): "Du er allerede \(role.norwegianName) for denne LIS-en."
        case .ownRole: "En LIS kan ikke ha en rolle for seg selv."
        case .notAPerTraineeRole(let role): "Rollen \(role.norwegianName) gis ikke for én enkelt LIS."
        }
    }

    package var inputField: String? {
        if case .notAPerTraineeRole = self { "role" } else { nil }
    }
}

import struct Foundation.UUID

/// Why a LIS cannot be registered or read.
package enum TraineeError: DescribedFailure, Equatable {
    case alreadyRegistered(UUID)
    case notRegistered
    case notFound(UUID)
    /// Reads as the validation error itself (`validation.failed`, naming the field).
    case invalid(ValidationError)

    package var code: String {
        switch self {
        case .alreadyRegistered: "trainee.already-registered"
        case .notRegistered: "trainee.not-registered"
        case .notFound: "trainee.not-found"
        case .invalid(let error): error.code
        }
    }

    package var category: FailureCategory {
        switch self {
        case .alreadyRegistered: .conflict
        case .notRegistered, .notFound: .notFound
        case .invalid(let error): error.category
        }
    }

    package var title: String? {
        switch self {
        case .alreadyRegistered: "Already registered"
        case .notRegistered: "Not registered"
        case .notFound: "No such LIS"
        case .invalid(let error): error.title
        }
    }

    package var detail: String {
        switch self {
        case .alreadyRegistered: "You are already registered as a LIS in this tenant"
        case .notRegistered: "You are not registered as a LIS in this tenant"
        case .notFound: "No LIS with this id in this tenant"
        case .invalid(let error): error.detail
        }
    }

    package var message: String {
        switch self {
        case .alreadyRegistered: "Du er allerede registrert som LIS i denne virksomheten."
        case .notRegistered: "Du er ikke registrert som LIS i denne virksomheten. Registrer deg først."
        case .notFound: "Vi finner ingen LIS med denne ID-en i virksomheten."
        case .invalid(let error): error.message
        }
    }

    package var inputField: String? {
        if case .invalid(let error) = self { error.field } else { nil }
    }
}

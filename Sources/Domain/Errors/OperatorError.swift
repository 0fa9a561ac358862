/// Why a `kp` command that changes something does not run: it would not know whom to record as the actor.
package enum OperatorError: DescribedFailure, Equatable {
    /// Outside the demo, neither `--operator` nor `KP_OPERATOR` names the operator.
    case required
    case invalid(ValidationError)

    package var code: String {
        switch self {
        case .required: "operator.required"
        case .invalid: "operator.invalid"
        }
    }

    package var category: FailureCategory { .invalid }

    package var detail: String {
        switch self {
        case .required:
            "name the operator with --operator NAME or KP_OPERATOR; every change is recorded under it (nothing changed)"
        case .invalid(let error): error.detail
        }
    }

    package var message: String {
        switch self {
        case .required: "Oppgi hvem du er med --operator NAVN eller KP_OPERATOR. Ingenting er endret."
        case .invalid: "Navnet på operatøren er ikke gyldig. Bruk ett navn på én linje."
        }
    }

    package var inputField: String? { "operator" }
}

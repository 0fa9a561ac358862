/// Why a sealed record from another employer is refused.
package enum RecordError: DescribedFailure, Equatable {
    case sealInvalid
    case sameTenant
    case anotherPerson

    package var code: String {
        switch self {
        case .sealInvalid: "record.seal-invalid"
        case .sameTenant: "record.same-tenant"
        case .anotherPerson: "record.another-person"
        }
    }

    package var detail: String {
        switch self {
        case .sealInvalid: "The record's seal does not verify with the platform's key: it was altered, forged or is not a record of approved objectives"
        case .sameTenant: "The record was issued by this tenant; its approvals are already here"
        case .anotherPerson: "The record belongs to another person than this LIS"
        }
    }

    package var message: String {
        switch self {
        case .sealInvalid:
            "Dokumentet kan ikke bekreftes som ekte. "
                + "Be den forrige arbeidsgiveren om en ny utskrift av godkjente læringsmål."
        case .sameTenant: "Dokumentet er utstedt av denne virksomheten, så godkjenningene finnes allerede her."
        case .anotherPerson: "Dokumentet gjelder en annen person enn denne LIS-en."
        }
    }

    package var category: FailureCategory {
        switch self {
        case .sealInvalid: .invalid
        case .sameTenant, .anotherPerson: .conflict
        }
    }
}

/// The person is known but may not do this. Thrown where support staff are told apart from everyone
/// else; a LIS's own roles are refused with `AccessDenied`.
package enum AccessError: DescribedFailure, Equatable {
    case supportOnly
    /// Support reads training data only under an open, reasoned, time-limited access.
    case supportAccessRequired

    package var code: String {
        switch self {
        case .supportOnly: "access.support-only"
        case .supportAccessRequired: "support.access-required"
        }
    }

    package var category: FailureCategory { .forbidden }

    package var title: String? {
        switch self {
        case .supportOnly: "Support staff only"
        case .supportAccessRequired: "Support access required"
        }
    }

    package var detail: String {
        switch self {
        case .supportOnly: "This operation is reserved for the vendor's support staff"
        case .supportAccessRequired:
            "Open support access to this tenant with a reason first; it is time-limited and logged"
        }
    }

    package var message: String {
        switch self {
        case .supportOnly: "Bare brukerstøtte har tilgang til dette."
        case .supportAccessRequired:
            "Åpne tilgang for brukerstøtte til virksomheten med en begrunnelse først. "
                + "Tilgangen er tidsbegrenset og logges."
        }
    }
}

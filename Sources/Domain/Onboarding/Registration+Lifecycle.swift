import struct Foundation.Date
import struct Foundation.UUID

/// pending → approved (a tenant is created) | rejected (with a reason).
extension Registration {
    package static func submit(
        organisationNumber: String, name rawName: String, contactEmail: String, programmes: [String],
        by person: Principal, id: UUID, at now: Date
    ) throws(ValidationError) -> Registration {
        let number = try OrganisationNumber(organisationNumber)
        let name = try Tenant.validName(rawName)
        let email = try Trainee.validEmail(contactEmail, field: "contactEmail")
        guard !programmes.isEmpty else { throw ValidationError(field: "programmes", reason: .missing) }
        var chosen: [Programme] = []
        for raw in programmes {
            guard let programme = Programme(rawValue: raw) else {
                throw ValidationError(
                    field: "programmes",
                    reason: .notAllowed("unknown programme; use \(Programme.allCases.map(\.rawValue).joined(separator: ", "))"))
            }
            if !chosen.contains(programme) { chosen.append(programme) }
        }
        return Registration(
            id: id, organisationNumber: number, name: name, contactEmail: email, programmes: chosen,
            registeredBy: person.personKey, registeredByName: person.name, createdAt: now, state: .pending,
            decidedBy: nil, decidedAt: nil, reason: nil, tenantID: nil)
    }

    /// The id the tenant gets: derived from the organisation number, so it is unique and stable.
    package var proposedTenantID: TenantID {
        get throws(ValidationError) { try TenantID("virksomhet-\(organisationNumber.rawValue)") }
    }

    package func approved(tenant: TenantID, by actor: String, at now: Date) throws(RegistrationError) -> Registration {
        guard state == .pending else { throw .alreadyDecided(state) }
        var copy = self
        copy.state = .approved
        copy.decidedBy = actor
        copy.decidedAt = now
        copy.tenantID = tenant
        return copy
    }

    package func rejected(reason rawReason: String, by actor: String, at now: Date) throws(RegistrationError) -> Registration {
        guard state == .pending else { throw .alreadyDecided(state) }
        let reason = rawReason.trimmingWhitespace()
        guard !reason.isEmpty else { throw .reasonRequired }
        guard reason.count <= 1000 else { throw .reasonTooLong }
        var copy = self
        copy.state = .rejected
        copy.decidedBy = actor
        copy.decidedAt = now
        copy.reason = reason
        return copy
    }
}

/// Why a registration step is refused.
package enum RegistrationError: DescribedFailure, Equatable {
    case unknown
    case alreadyDecided(Registration.State)
    case reasonRequired
    case reasonTooLong
    case pendingExists
    case organisationNumberTaken

    package var code: String {
        switch self {
        case .unknown: "registration.unknown"
        case .alreadyDecided: "registration.already-decided"
        case .reasonRequired, .reasonTooLong: "registration.reason-required"
        case .pendingExists: "registration.pending-exists"
        case .organisationNumberTaken: "registration.organisation-registered"
        }
    }

    package var detail: String {
        switch self {
        case .unknown: "No such registration"
        case .alreadyDecided(let state): "The registration is already \(state.rawValue)"
        case .reasonRequired: "A rejection needs a reason the applicant can read"
        case .reasonTooLong: "reason must be at most 1000 characters"
        case .pendingExists: "A registration for this organisation number already awaits support's decision"
        case .organisationNumberTaken: "This organisation number is already a tenant"
        }
    }

    package var message: String {
        switch self {
        case .unknown: "Vi finner ikke denne registreringen."
        case .alreadyDecided: "Registreringen er allerede behandlet."
        case .reasonRequired: "Skriv en begrunnelse som søkeren kan lese."
        case .reasonTooLong: "Begrunnelsen kan være på høyst 1000 tegn."
        case .pendingExists:
            "En registrering for dette organisasjonsnummeret venter allerede på behandling hos brukerstøtte."
        case .organisationNumberTaken: "Dette organisasjonsnummeret er allerede registrert i portalen."
        }
    }

    package var category: FailureCategory {
        switch self {
        case .unknown: .notFound
        case .reasonRequired, .reasonTooLong: .invalid
        case .alreadyDecided, .pendingExists, .organisationNumberTaken: .conflict
        }
    }
}

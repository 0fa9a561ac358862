import struct Foundation.Date

/// Why a tenant cannot be found, used, or moved to another status.
package enum TenantError: DescribedFailure, Equatable {
    case unknown(TenantID)
    case alreadyExists(TenantID)
    case organisationNumberTaken(OrganisationNumber)
    case agreementRequired(TenantID, status: TenantStatus)
    case suspended(TenantID)
    case terminated(TenantID, closedAt: Date?)
    case notProvisioned(TenantID)
    case alreadyProvisioned(TenantID)
    case transitionNotAllowed(TenantID, from: TenantStatus, transition: String)
    /// The tenant's database was written by a newer binary; opening it could corrupt it.
    case schemaTooNew(TenantID)
    /// The tenant's database cannot be read or written now (disk full, file read-only, corrupt, or gone);
    /// other tenants are not affected, and the request may succeed once the operator has fixed the file.
    case storageUnavailable(TenantID)
    /// An operator is restoring or migrating the tenant's database (`TenantMaintenance`); the tenant is back
    /// within seconds, and the others are not affected.
    case maintenance(TenantID)

    package var code: String {
        switch self {
        case .unknown: "tenant.unknown"
        case .alreadyExists: "tenant.exists"
        case .organisationNumberTaken: "tenant.organisation-number-taken"
        case .agreementRequired: "agreement.required"
        case .suspended: "tenant.suspended"
        case .terminated: "tenant.terminated"
        case .notProvisioned: "tenant.not-provisioned"
        case .alreadyProvisioned: "tenant.already-provisioned"
        case .transitionNotAllowed: "tenant.transition-not-allowed"
        case .schemaTooNew: "tenant.schema-too-new"
        case .storageUnavailable: "tenant.storage-unavailable"
        case .maintenance: "tenant.maintenance"
        }
    }

    package var category: FailureCategory {
        switch self {
        case .unknown: .notFound
        case .agreementRequired, .suspended, .terminated: .forbidden
        case .alreadyExists, .organisationNumberTaken, .notProvisioned, .alreadyProvisioned, .transitionNotAllowed:
            .conflict
        case .schemaTooNew, .storageUnavailable, .maintenance: .unavailable
        }
    }

    package var title: String? {
        switch self {
        case .unknown: "Unknown tenant"
        case .alreadyExists: "Tenant exists"
        case .organisationNumberTaken: "Organisation number in use"
        case .agreementRequired: "Agreement required"
        case .suspended: "Tenant suspended"
        case .terminated: "Tenant terminated"
        case .notProvisioned: "Tenant not provisioned"
        case .alreadyProvisioned: "Tenant already provisioned"
        case .transitionNotAllowed: "Not allowed in this status"
        case .schemaTooNew: "Tenant database too new"
        case .storageUnavailable: "Tenant storage unavailable"
        case .maintenance: "Tenant in maintenance"
        }
    }

    package var detail: String {
        switch self {
        case .unknown(let id): "No tenant has the id \(id)"
        case .alreadyExists(let id): "A tenant with the id \(id) already exists"
        case .organisationNumberTaken(let number): "Organisation number \(number) already belongs to a tenant"
        case .agreementRequired(let id, let status):
            "Tenant \(id) has no data processing agreement in force (status \(status.rawValue))"
        case .suspended(let id): "Tenant \(id) is suspended by support"
        case .terminated(let id, let closedAt):
            "The data processing agreement of tenant \(id) was terminated"
                + (closedAt.map { "; the tenant is closed to users from \($0.isoDay)" } ?? "")
        case .notProvisioned(let id): "Tenant \(id) has no database yet; provision it first"
        case .alreadyProvisioned(let id): "Tenant \(id) already has a database"
        case .transitionNotAllowed(let id, let from, let transition):
            "Cannot \(transition) tenant \(id) while it is \(from.rawValue)"
        case .schemaTooNew(let id): "Tenant \(id) was written by a newer version of the portal"
        case .storageUnavailable(let id): "The database of tenant \(id) cannot be used right now; try again later"
        case .maintenance(let id): "Tenant \(id) is in maintenance (its database is being restored or migrated); try again shortly"
        }
    }

    package var message: String {
        switch self {
        case .unknown: "Vi finner ingen virksomhet med denne ID-en. Sjekk adressen."
        case .alreadyExists: "Det finnes allerede en virksomhet med denne ID-en. Velg en annen."
        case .organisationNumberTaken: "Organisasjonsnummeret tilhører allerede en annen virksomhet."
        case .agreementRequired:
            "Virksomheten har ingen gjeldende databehandleravtale. "
                + "Be administratoren for virksomheten om å signere den."
        case .suspended: "Virksomheten er midlertidig stengt av brukerstøtte. Prøv igjen senere, eller kontakt brukerstøtte."
        case .terminated: "Databehandleravtalen er sagt opp, og virksomheten er stengt for brukere."
        case .notProvisioned: "Virksomheten har ingen database ennå. Opprett databasen først."
        case .alreadyProvisioned: "Virksomheten har allerede en database."
        case .transitionNotAllowed: "Dette er ikke mulig med virksomhetens nåværende status."
        case .schemaTooNew:
            "Virksomhetens database er laget av en nyere versjon av portalen. Kontakt brukerstøtte."
        case .storageUnavailable:
            "Virksomhetens data er midlertidig utilgjengelige. Prøv igjen om litt, eller kontakt brukerstøtte."
        case .maintenance:
            "Virksomhetens data vedlikeholdes akkurat nå. Prøv igjen om noen sekunder."
        }
    }

    /// A storage failure is for the operator to fix, not the client; half a minute is about as soon as a
    /// retry can find it fixed, and keeps retrying clients from adding load to a server in trouble.
    package var retryAfter: Duration? {
        switch self {
        case .storageUnavailable: .seconds(30)
        // A restore or a migration of one tenant takes seconds.
        case .maintenance: .seconds(5)
        default: nil
        }
    }

    package var inputField: String? {
        switch self {
        case .alreadyExists: "id"
        case .organisationNumberTaken: "organisationNumber"
        default: nil
        }
    }
}

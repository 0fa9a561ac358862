import struct Foundation.Date

/// An employer using the portal, as the registry knows it.
package struct Tenant: Sendable, Equatable {
    package let id: TenantID
    package let kind: TenantKind
    package let organisationNumber: OrganisationNumber?
    package let kommunenummer: Kommunenummer?
    package let name: String
    package var status: TenantStatus
    /// Set when the tenant's database file has been created; a tenant without one cannot be activated.
    package var provisionedAt: Date?
    package let createdAt: Date
    package var updatedAt: Date
    /// When a terminated agreement closes the tenant to users (the notice date); nil otherwise.
    package var closesAt: Date?
    /// A kommune's legal name as support recorded it when naming the signer ("Oslo kommune"); nil until
    /// then, and always nil for a virksomhet, whose registered name is its legal name.
    package var legalName: String?

    package init(
        id: TenantID, kind: TenantKind, organisationNumber: OrganisationNumber?, kommunenummer: Kommunenummer?,
        name: String, status: TenantStatus, provisionedAt: Date?, createdAt: Date, updatedAt: Date,
        closesAt: Date? = nil, legalName: String? = nil
    ) {
        self.id = id
        self.kind = kind
        self.organisationNumber = organisationNumber
        self.kommunenummer = kommunenummer
        self.name = name
        self.status = status
        self.provisionedAt = provisionedAt
        self.createdAt = createdAt
        self.updatedAt = updatedAt
        self.closesAt = closesAt
        self.legalName = legalName
    }

    package var isProvisioned: Bool { provisionedAt != nil }
}

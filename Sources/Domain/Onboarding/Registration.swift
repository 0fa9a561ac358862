import struct Foundation.Date
import struct Foundation.UUID

/// A private virksomhet asking to become a tenant: filed by a logged-in person, decided by support.
///
/// Kommuner need none: all 357 are in the registry from the first start.
package struct Registration: Sendable, Equatable {
    package enum State: String, Sendable, Codable {
        case pending, approved, rejected
    }

    package let id: UUID
    package let organisationNumber: OrganisationNumber
    package let name: String
    package let contactEmail: String
    package let programmes: [Programme]
    /// Who filed it; they become the tenant administrator on approval.
    package let registeredBy: PersonKey
    package let registeredByName: String
    package let createdAt: Date
    package var state: State
    package var decidedBy: String?
    package var decidedAt: Date?
    package var reason: String?
    package var tenantID: TenantID?

    package init(
        id: UUID, organisationNumber: OrganisationNumber, name: String, contactEmail: String, programmes: [Programme],
        registeredBy: PersonKey, registeredByName: String, createdAt: Date, state: State, decidedBy: String?,
        decidedAt: Date?, reason: String?, tenantID: TenantID?
    ) {
        self.id = id
        self.organisationNumber = organisationNumber
        self.name = name
        self.contactEmail = contactEmail
        self.programmes = programmes
        self.registeredBy = registeredBy
        self.registeredByName = registeredByName
        self.createdAt = createdAt
        self.state = state
        self.decidedBy = decidedBy
        self.decidedAt = decidedAt
        self.reason = reason
        self.tenantID = tenantID
    }
}

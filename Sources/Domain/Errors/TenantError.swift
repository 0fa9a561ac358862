import struct Foundation.Date

/// Why a tenant cannot be found, used, or moved to another status.
package enum TenantError: Error, Equatable, Sendable {
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
}

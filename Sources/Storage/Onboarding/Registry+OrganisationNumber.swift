import Domain
import Foundation
import GRDB

/// A kommune's organisation number: the seed data has none, and the agreement cannot be drafted without
/// it, so support records it (when naming the signer, or when registering a paper agreement).
extension Registry {
    /// Records the tenant's organisation number if the registry lacks it, with its audit entry, in one
    /// transaction; the same number again changes nothing.
    package func recordOrganisationNumber(_ number: OrganisationNumber, of tenantID: TenantID, actor: String, at now: Date)
        async throws -> Tenant
    {
        let tenant = try await pool.write { db in
            guard var tenant = try TenantRecord.fetchOne(db, key: tenantID.rawValue)?.tenant() else {
                throw TenantError.unknown(tenantID)
            }
            try Self.recordOrganisationNumber(db, number, of: &tenant, actor: actor, at: now)
            return tenant
        }
        invalidate(tenantID)
        return tenant
    }

    /// Inside a registry transaction: another number than the one recorded is refused, as is a number
    /// another tenant has.
    static func recordOrganisationNumber(
        _ db: Database, _ number: OrganisationNumber, of tenant: inout Tenant, actor: String, at now: Date
    ) throws {
        guard tenant.organisationNumber != number else { return }
        if tenant.organisationNumber != nil {
            throw ValidationError(
                field: "organisationNumber", reason: .notAllowed("the tenant already has another organisation number"))
        }
        if try TenantRecord.filter(Column("organisationNumber") == number.rawValue).fetchCount(db) > 0 {
            throw TenantError.organisationNumberTaken(number)
        }
        tenant = tenant.withOrganisationNumber(number, at: now)
        try TenantRecord(tenant).update(db)
        try AuditLog.append(
            db, actor: actor, action: "tenant.organisation-number", tenant: tenant.id,
            detail: "organisation number \(number.rawValue)", at: now)
    }
}

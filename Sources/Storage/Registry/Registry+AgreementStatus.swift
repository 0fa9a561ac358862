import Domain
import Foundation
import GRDB

/// Which tenants have an agreement in force, for the public list.
extension Registry {
    /// Every kommune and every virksomhet with an agreement in force, with the date it came into force.
    ///
    /// In force: the tenant was opened (`activate`) and has not been terminated; a suspension closes the
    /// portal for a while but does not end the agreement. Since: the last time it was opened.
    package func agreementStatus() throws -> [(tenant: Tenant, inForceSince: Date?)] {
        try pool.read { db in
            let since = try Row.fetchAll(
                db, sql: "SELECT tenantId, MAX(at) AS since FROM tenantEvent WHERE action = 'activate' GROUP BY tenantId")
            var opened: [String: Date] = [:]
            for row in since { opened[row["tenantId"]] = row["since"] }
            return try TenantRecord.order(Column("kind"), Column("kommunenummer"), Column("id")).fetchAll(db).map { record in
                let tenant = try record.tenant()
                let inForce = tenant.status == .active || tenant.status == .suspended
                return (tenant, inForce ? opened[tenant.id.rawValue] : nil)
            }
        }
    }
}

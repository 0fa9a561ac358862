import Domain
import Foundation
import GRDB

/// Which tenants have an agreement in force, for the public list.
extension Registry {
    /// Every kommune and every virksomhet, with the date its agreement came into force (nil when none is).
    ///
    /// In force: countersigned and not ended; a terminated agreement stays in force until its notice
    /// date, and a suspension closes the portal for a while without ending the agreement. Since: the
    /// first countersignature after the last termination, so signing a new version keeps the date.
    package func agreementStatus(at now: Date) throws -> [(tenant: Tenant, inForceSince: Date?)] {
        try pool.read { db in
            var countersigned: [String: [Date]] = [:]
            var lastEnded: [String: Date] = [:]
            var inForce: Set<String> = []
            let rows = try Row.fetchAll(db, sql: "SELECT tenantId, state, countersignedAt, endedAt FROM agreement")
            for row in rows {
                let tenant: String = row["tenantId"]
                if let at: Date = row["countersignedAt"] { countersigned[tenant, default: []].append(at) }
                let state: String = row["state"]
                if state == AgreementState.inForce.rawValue { inForce.insert(tenant) }
                if state == AgreementState.terminated.rawValue, let ended: Date = row["endedAt"] {
                    if ended > now, row["countersignedAt"] as Date? != nil {
                        inForce.insert(tenant)
                    } else {
                        lastEnded[tenant] = max(lastEnded[tenant] ?? .distantPast, ended)
                    }
                }
            }
            return try TenantRecord.order(Column("kind"), Column("kommunenummer"), Column("id")).fetchAll(db).map { record in
                let tenant = try record.tenant()
                guard inForce.contains(record.id) else { return (tenant, nil) }
                let after = lastEnded[record.id] ?? .distantPast
                return (tenant, countersigned[record.id]?.filter { $0 > after }.min())
            }
        }
    }
}

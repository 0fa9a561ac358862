import Domain
import Foundation
import GRDB

/// The hash-chained audit log, through the registry.
extension Registry {
    package func verifyAudit() throws -> AuditLog.Verification {
        try pool.read { db in try AuditLog.verify(db) }
    }

    package func auditEntries(tenant: TenantID? = nil) throws -> [AuditLog.Entry] {
        try pool.read { db in try AuditLog.entries(db, tenant: tenant) }
    }

    /// How many entries have ever been appended: the id of the last one (the chain is append-only, its ids
    /// never reused), so a metric read from it counts what `kp` commands appended too.
    package func auditEntryCount() throws -> Int {
        try pool.read { db in try Int.fetchOne(db, sql: "SELECT COALESCE(MAX(id), 0) FROM audit") ?? 0 }
    }
}

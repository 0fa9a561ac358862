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
}

import Domain
import Foundation

extension Registry {
    /// Records a restore from the backup in the audit log (`backup.restore`): who, which tenant (nil: every
    /// tenant and the registry), and to which time.
    package func recordRestore(tenant: TenantID?, detail: String, actor: String, at now: Date) async throws {
        try await pool.write { db in
            try AuditLog.append(db, actor: actor, action: "backup.restore", tenant: tenant, detail: detail, at: now)
        }
    }
}

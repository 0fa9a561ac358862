import Domain
import Foundation

/// The health of tenant files: which file a pool has open, and failures of the file itself, logged and
/// counted per tenant (see `TenantStorageFault`).
extension TenantStore {
    /// The tenants whose file failed on their last use, by id.
    nonisolated package var degradedTenants: [TenantID] {
        state.withLock { $0.degraded.keys.sorted { $0.rawValue < $1.rawValue } }
    }

    /// Whether the tenant's path still names the file its pool has open. If not, the lease just taken is
    /// returned and the pool retired; a missing file is a storage failure, a different one is opened next.
    nonisolated func isStillOpenFile(_ id: TenantID, _ identity: FileIdentity) throws -> Bool {
        let current = FileIdentity(path: directory.databasePath(for: id))
        if current == identity { return true }
        finishLease(id, outcome: .storageFailed)
        guard current != nil else { throw recordFault(.fileMissing, code: nil, tenant: id, during: "lease") }
        logger.warning("tenant database file replaced; opening the new one", metadata: ["tenant": "\(id)"])
        return false
    }

    /// Opens the tenant's file and notes which file it is. A file that this store had open and that is gone
    /// stays a storage failure (not `notProvisioned`) until it is back.
    func openFile(_ id: TenantID) throws -> (TenantDatabase, FileIdentity) {
        let path = directory.databasePath(for: id)
        // A process that does not watch the markers (a `kp` command) still never opens a tenant in maintenance.
        if TenantMaintenance(directory: directory).isInMaintenance(id) { throw TenantError.maintenance(id) }
        let database: TenantDatabase
        do {
            let opened = try TenantDatabase.open(id: id, path: path, schema: schema, checkpoints: checkpoints)
            database = opened.database
            if case .migrated(let from) = opened.outcome {
                logger.notice(
                    "tenant database migrated on open",
                    metadata: ["tenant": "\(id)", "from": "\(from)", "to": "\(schema.version)"])
                migrated(id, schema.version)
            }
        } catch let error as TenantError where error == .notProvisioned(id) {
            guard state.withLock({ $0.degraded[id] == .fileMissing }) else { throw error }
            throw TenantError.storageUnavailable(id)
        } catch {
            throw storageFailure(error, tenant: id, during: "open") ?? error
        }
        guard let identity = FileIdentity(path: path) else {
            try? database.close()
            throw recordFault(.fileMissing, code: nil, tenant: id, during: "open")
        }
        return (database, identity)
    }

    /// If `error` is a failure of the tenant's file: logs it (the tenant and the SQLite result codes, never
    /// the error's description, which may quote data), marks the tenant degraded, and returns the error
    /// the caller throws instead.
    nonisolated func storageFailure(_ error: any Error, tenant id: TenantID, during: String) -> TenantError? {
        guard let code = SQLiteResultCode(error), let fault = TenantStorageFault(code) else { return nil }
        return recordFault(fault, code: code, tenant: id, during: during)
    }

    nonisolated func recordFault(
        _ fault: TenantStorageFault, code: SQLiteResultCode?, tenant id: TenantID, during: String
    ) -> TenantError {
        state.withLock { $0.degraded[id] = fault }
        var metadata = code?.logMetadata ?? [:]
        metadata["tenant"] = "\(id)"
        metadata["fault"] = "\(fault.rawValue)"
        metadata["during"] = "\(during)"
        logger.error("tenant storage failed", metadata: metadata)
        return .storageUnavailable(id)
    }
}

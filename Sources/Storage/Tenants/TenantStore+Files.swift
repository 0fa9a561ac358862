import Domain
import Foundation

/// Provisioning: the tenant's file comes into being as a copy of the template and leaves with its side files.
extension TenantStore {
    /// Creates the tenant's file by copying the template; refuses to overwrite an existing file.
    nonisolated package func createDatabaseFile(for id: TenantID) throws {
        let folder = directory.folder(for: id)
        let path = directory.databasePath(for: id)
        guard !FileManager.default.fileExists(atPath: path) else { throw TenantError.alreadyProvisioned(id) }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: directory.templatePath, toPath: path)
    }

    /// Removes a tenant's file and its WAL side files, after closing its pool (used when provisioning
    /// must be rolled back, and when a closed tenant's data is deleted).
    ///
    /// A pool still leased (a mail delivery pass, a request that passed the gate just before the tenant
    /// closed) is waited for, up to `patience`; it is never closed under its user.
    package func removeDatabaseFile(for id: TenantID, patience: Duration = .seconds(10)) async throws {
        let deadline = ContinuousClock.now + patience
        while true {
            let (inUse, open): (Bool, TenantDatabase?) = state.withLock { state in
                guard var entry = state.entries[id] else { return (false, nil) }
                guard entry.leases == 0 else {
                    entry.closeWhenReleased = true
                    state.entries[id] = entry
                    return (true, nil)
                }
                state.entries[id] = nil
                state.degraded[id] = nil
                return (false, entry.database)
            }
            if !inUse {
                try open?.close()
                break
            }
            guard ContinuousClock.now < deadline else {
                throw StorageError.fileOperationFailed("tenant database still in use")
            }
            try await Task.sleep(for: .milliseconds(20))
        }
        closer.sync {}  // a pool retired on its last release may still be closing
        let path = directory.databasePath(for: id)
        for suffix in ["", "-wal", "-shm"] where FileManager.default.fileExists(atPath: path + suffix) {
            try FileManager.default.removeItem(atPath: path + suffix)
        }
    }
}

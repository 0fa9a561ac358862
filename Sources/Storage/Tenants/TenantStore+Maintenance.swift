import Domain
import Foundation

/// Maintenance as the store sees it: the tenants another process works on are refused, and their pools closed.
extension TenantStore {
    /// The tenants refused as in maintenance now.
    nonisolated package var tenantsInMaintenance: Set<TenantID> { state.withLock { $0.maintenance } }

    /// Refuses these tenants from now on (and no longer the others): an unused pool of one of them closes at
    /// once, one in use when its last lease returns, so the file is let go before another process replaces it.
    nonisolated package func setMaintenance(_ tenants: Set<TenantID>) {
        let unused: [TenantDatabase] = state.withLock { state in
            guard state.maintenance != tenants else { return [] }
            state.maintenance = tenants
            return state.letGo(tenants)
        }
        for database in unused {
            logger.info("tenant in maintenance; database closed", metadata: ["tenant": "\(database.tenantID)"])
            closeInBackground(database)
        }
    }

    /// Follows `_maintenance/` until the task is cancelled (the server's lifetime).
    nonisolated package func watchMaintenance() async {
        let maintenance = TenantMaintenance(directory: directory)
        while !Task.isCancelled {
            setMaintenance(Set(maintenance.current().keys))
            try? await Task.sleep(for: TenantMaintenance.watchInterval)
        }
    }
}

extension TenantStore.State {
    /// Takes the pools of `tenants` out of the store: the unused ones are returned to be closed now, one in use
    /// is marked to close when its last lease returns, never under a request.
    mutating func letGo(_ tenants: some Sequence<TenantID>) -> [TenantDatabase] {
        var unused: [TenantDatabase] = []
        for id in tenants {
            guard var entry = entries[id] else { continue }
            if entry.leases == 0 {
                entries[id] = nil
                unused.append(entry.database)
            } else {
                entry.closeWhenReleased = true
                entries[id] = entry
            }
        }
        return unused
    }
}

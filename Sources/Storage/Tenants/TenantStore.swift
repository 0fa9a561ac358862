import Domain
import Foundation
import GRDB
import Logging

/// Hands out the one connection pool of each tenant file, opening lazily and keeping at most
/// `maximumOpen` pools open.
///
/// When the cap is reached the least recently used pool that nobody is using is closed. A pool in use is
/// never closed: if every open pool is in use, the caller waits until one is released (admission
/// control), so the number of open files stays bounded however many tenants are busy.
package actor TenantStore {
    private struct Entry {
        let database: TenantDatabase
        var leases: Int
        var lastUse: UInt64
    }

    package let directory: TenantDirectory
    package let maximumOpen: Int
    private let logger: Logger
    private var entries: [TenantID: Entry] = [:]
    private var tick: UInt64 = 0
    private var waiters: [CheckedContinuation<Void, Never>] = []

    /// Prepares the tenants folder and builds the migrated template that provisioning copies.
    package init(directory: TenantDirectory, maximumOpen: Int, logger: Logger) throws {
        precondition(maximumOpen > 0, "maximumOpen must be positive")
        self.directory = directory
        self.maximumOpen = maximumOpen
        self.logger = logger
        try directory.createReservedFolders()
        try TenantTemplate.build(at: directory.templatePath)
    }

    /// How many tenant pools are open now.
    package var openCount: Int { entries.count }

    /// How many leases are out now (requests using a tenant database).
    package var leaseCount: Int { entries.values.reduce(0) { $0 + $1.leases } }

    package func isOpen(_ id: TenantID) -> Bool { entries[id] != nil }

    // MARK: Provisioning

    /// Creates the tenant's file by copying the template; refuses to overwrite an existing file.
    ///
    /// Not isolated work: the copy is file I/O and touches no state of the store.
    nonisolated package func createDatabaseFile(for id: TenantID) throws {
        let folder = directory.folder(for: id)
        let path = directory.databasePath(for: id)
        guard !FileManager.default.fileExists(atPath: path) else { throw TenantError.alreadyProvisioned(id) }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: directory.templatePath, toPath: path)
    }

    /// Removes a tenant's file and its WAL side files, after closing its pool (used when provisioning
    /// must be rolled back). Refuses while the pool is in use.
    package func removeDatabaseFile(for id: TenantID) throws {
        if let entry = entries[id] {
            guard entry.leases == 0 else { throw StorageError.fileOperationFailed("tenant database in use") }
            try entry.database.close()
            entries[id] = nil
        }
        let path = directory.databasePath(for: id)
        for suffix in ["", "-wal", "-shm"] where FileManager.default.fileExists(atPath: path + suffix) {
            try FileManager.default.removeItem(atPath: path + suffix)
        }
    }

    // MARK: Leases

    /// Runs `body` with the tenant's database, which stays open at least until `body` returns.
    ///
    /// The caller passes a `Tenant` the gate has already let through; the store itself does not consult
    /// the registry, so it can move to another node with the files (stage 2).
    nonisolated package func withDatabase<T: Sendable>(
        _ id: TenantID, _ body: (TenantDatabase) async throws -> T
    ) async throws -> T {
        let database = try await acquire(id)
        do {
            let result = try await body(database)
            await release(id)
            return result
        } catch {
            await release(id)
            throw error
        }
    }

    package func acquire(_ id: TenantID) async throws -> TenantDatabase {
        while true {
            tick &+= 1
            if var entry = entries[id] {
                entry.leases += 1
                entry.lastUse = tick
                entries[id] = entry
                return entry.database
            }
            // Opening is synchronous inside the actor, so no other acquire can interleave between the
            // count check and the insert.
            if entries.count >= maximumOpen && !evictOne() {
                await withCheckedContinuation { waiters.append($0) }
                continue
            }
            let database: TenantDatabase
            do {
                database = try TenantDatabase.open(id: id, path: directory.databasePath(for: id))
            } catch {
                wakeAll()
                throw error
            }
            entries[id] = Entry(database: database, leases: 1, lastUse: tick)
            logger.debug("tenant database opened", metadata: ["tenant": "\(id)", "open": "\(entries.count)"])
            wakeAll()
            return database
        }
    }

    package func release(_ id: TenantID) {
        guard var entry = entries[id] else { return }
        entry.leases -= 1
        entries[id] = entry
        if entry.leases == 0 { wakeAll() }
    }

    /// Closes the least recently used pool that is not in use; false when every open pool is in use.
    private func evictOne() -> Bool {
        guard let victim = entries.filter({ $0.value.leases == 0 }).min(by: { $0.value.lastUse < $1.value.lastUse })
        else { return false }
        entries[victim.key] = nil
        do { try victim.value.database.close() } catch {
            logger.warning("closing tenant database failed", metadata: ["tenant": "\(victim.key)"])
        }
        return true
    }

    private func wakeAll() {
        let pending = waiters
        waiters.removeAll()
        for waiter in pending { waiter.resume() }
    }

    /// Closes every pool (graceful shutdown).
    package func closeAll() {
        for (id, entry) in entries {
            do { try entry.database.close() } catch {
                logger.warning("closing tenant database failed", metadata: ["tenant": "\(id)"])
            }
        }
        entries.removeAll()
    }
}

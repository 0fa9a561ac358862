import Dispatch
import Domain
import Foundation
import GRDB
import Logging
import Synchronization

/// Hands out the one connection pool of each tenant file, opening lazily and keeping at most
/// `maximumOpen` pools open.
///
/// When the cap is reached a pool that nobody is using is closed, chosen by adaptive replacement
/// (`TenantStore+Eviction`): the least recently used of tenants used once, or of those used more often. A pool
/// in use is never closed: if every open pool is in use, the caller waits until one is released (admission
/// control), so the number of open files stays bounded however many tenants are busy.
///
/// The hot path (a lease on a pool that is already open) takes a lock and never hops to the actor;
/// opening a file, which must happen once per tenant, is serialized by the actor.
///
/// A failure of a tenant's file (disk full, read-only, corrupt; see `TenantStorageFault`) is logged with the
/// tenant and the SQLite result codes, counted against that tenant alone (`degradedTenants`, which the
/// readiness check reports) and thrown as `TenantError.storageUnavailable`, so the client gets a 503 it may
/// retry and the other tenants go on.
///
/// The file under an open pool is checked again (`FileIdentity`) when a lease is taken, at most once a second
/// per tenant: a file removed under the running server is refused as unavailable rather than written into
/// unlinked, and a file put back (restored, or re-created) is opened afresh.
package actor TenantStore {
    struct Entry {
        let database: TenantDatabase
        /// The file the pool opened, and when the path was last seen to name it.
        let identity: FileIdentity
        var checkedAt: Date
        var leases: Int
        var lastUse: UInt64
        /// Whether the pool was used again after it opened, or opened for a tenant remembered in `State.ghosts`.
        var frequent: Bool
        /// Set by `closeAll` on a pool in use: it closes when its last lease returns.
        var closeWhenReleased = false
        /// Set when the file failed under this pool (see `TenantStorageFault`): the pool takes no new lease
        /// and closes when its last one returns, so the next use opens the file afresh. A connection that
        /// SQLite opened read-only, or one on a file since repaired, never outlives the failure.
        var refusesLeases = false
    }

    struct State {
        var entries: [TenantID: Entry] = [:]
        var tick: UInt64 = 0
        /// The tenants whose pools were closed for room, not long ago (`TenantStore+Eviction`).
        var ghosts: [TenantID: Ghost] = [:]
        /// How many of the places tenants used once since they opened may take (ARC's `p`).
        var recentTarget = 0
        var waiters: [CheckedContinuation<Void, Never>] = []
        /// Tenants whose last use failed on their file, until a use succeeds again.
        var degraded: [TenantID: TenantStorageFault] = [:]
        /// Tenants in maintenance (`TenantMaintenance`), as last seen by `watchMaintenance`: refused.
        var maintenance: Set<TenantID> = []

        var hasRoom: Bool { entries.count < maximumOpen || entries.values.contains { $0.leases == 0 } }
        let maximumOpen: Int
    }

    package let directory: TenantDirectory
    nonisolated package let maximumOpen: Int
    let metrics: TenantStoreMetrics
    /// The schema every file is brought to when it is opened, and the template is built on.
    package let schema: TenantSchema
    /// Whether the pools leave checkpoints to Litestream (the backup is on), to the store's own checkpointer
    /// (the server), or let SQLite do them (commands).
    nonisolated package let checkpoints: WALCheckpoints
    /// Told when opening a file migrated it (lazily), so the registry's record of its version follows.
    let migrated: @Sendable (TenantID, Int) -> Void
    let logger: Logger
    let now: @Sendable () -> Date
    /// How often, at most, a lease checks that the path still names the open file: a `stat`, cheap, but not
    /// free on the hot path.
    static let identityCheckInterval: TimeInterval = 1
    let state: Mutex<State>
    /// Closing a pool checkpoints its WAL; that happens here, off the request path.
    let closer = DispatchQueue(label: "kp.tenant-store.close")
    /// Where the actor's own work (opening and closing files) runs: never on an event loop.
    private let executor = QueueExecutor(label: "kp.tenant-store")
    nonisolated package var unownedExecutor: UnownedSerialExecutor { executor.asUnownedSerialExecutor() }
    /// Checkpoints of `WALCheckpoints.background` run here, one at a time.
    let checkpointer = DispatchQueue(label: "kp.tenant-store.checkpoint")

    /// Prepares the tenants folder and builds the migrated template that provisioning copies.
    package init(
        directory: TenantDirectory, maximumOpen: Int, logger: Logger, metrics: TenantStoreMetrics = .none,
        now: @escaping @Sendable () -> Date = { Date() }, schema: TenantSchema = .current,
        checkpoints: WALCheckpoints = .sqlite, migrated: @escaping @Sendable (TenantID, Int) -> Void = { _, _ in }
    ) throws {
        precondition(maximumOpen > 0, "maximumOpen must be positive")
        self.directory = directory
        self.maximumOpen = maximumOpen
        self.metrics = metrics
        self.schema = schema
        self.checkpoints = checkpoints
        self.migrated = migrated
        self.logger = logger
        self.now = now
        self.state = Mutex(State(maximumOpen: maximumOpen))
        try directory.createReservedFolders()
        try TenantTemplate.build(at: directory.templatePath, schema: schema)
    }

    /// How many tenant pools are open now.
    nonisolated package var openCount: Int { state.withLock { $0.entries.count } }

    /// How many leases are out now (requests using a tenant database).
    nonisolated package var leaseCount: Int { state.withLock { $0.entries.values.reduce(0) { $0 + $1.leases } } }

    nonisolated package func isOpen(_ id: TenantID) -> Bool { state.withLock { $0.entries[id] != nil } }

    // MARK: Leases

    /// Runs `body` with the tenant's database, which stays open at least until `body` returns.
    ///
    /// The caller passes a tenant the gate has already let through; the store itself does not consult
    /// the registry, so it can move to another node with the files (stage 2).
    nonisolated package func withDatabase<T: Sendable>(
        _ id: TenantID, _ body: (TenantDatabase) async throws -> T
    ) async throws -> T {
        let database = try await acquire(id)
        let value: T
        do {
            value = try await body(database)
        } catch {
            let failure = storageFailure(error, tenant: id, during: "use")
            finishLease(id, outcome: failure == nil ? .noVerdict : .storageFailed)
            throw failure ?? error
        }
        finishLease(id, outcome: .succeeded)
        return value
    }

    /// Takes a lease; pair with `release`. Prefer `withDatabase`.
    nonisolated package func acquire(_ id: TenantID) async throws -> TenantDatabase {
        if let lease = try leaseIfOpen(id) {
            guard let identity = lease.check else { return lease.database }
            if try isStillOpenFile(id, identity) { return lease.database }
        }
        return try await openAndLease(id)
    }

    /// Returns a lease; when a pool becomes unused, waiting openers are woken.
    nonisolated package func release(_ id: TenantID) { finishLease(id, outcome: .noVerdict) }

    /// How the work under a lease ended, for the tenant's health.
    enum LeaseOutcome {
        /// Clears the tenant's degraded mark: its file works again.
        case succeeded
        /// Says nothing about the file: a refusal, an error of the request, or a bare `release`.
        case noVerdict
        /// Retires the pool (`Entry.refusesLeases`).
        case storageFailed
    }

    nonisolated func finishLease(_ id: TenantID, outcome: LeaseOutcome) {
        let (woken, retired): ([CheckedContinuation<Void, Never>], TenantDatabase?) = state.withLock { state in
            if outcome == .succeeded, !state.degraded.isEmpty { state.degraded[id] = nil }
            guard var entry = state.entries[id] else { return ([], nil) }
            entry.leases -= 1
            if outcome == .storageFailed {
                entry.refusesLeases = true
                entry.closeWhenReleased = true
            }
            var retired: TenantDatabase?
            if entry.leases == 0, entry.closeWhenReleased {
                state.entries[id] = nil
                retired = entry.database
            } else {
                state.entries[id] = entry
            }
            guard entry.leases == 0, !state.waiters.isEmpty else { return ([], retired) }
            defer { state.waiters.removeAll() }
            return (state.waiters, retired)
        }
        if let retired { closeInBackground(retired) }
        for waiter in woken { waiter.resume() }
    }

    /// A lease on the tenant's open pool, nil when it has none; refuses while a failed pool closes. `check`
    /// is the identity of the pool's file when it is due to be compared with the path again.
    nonisolated func leaseIfOpen(_ id: TenantID) throws(TenantError)
        -> (database: TenantDatabase, check: FileIdentity?)?
    {
        let now = now()
        return try state.withLock { state throws(TenantError) in
            if !state.maintenance.isEmpty, state.maintenance.contains(id) { throw .maintenance(id) }
            guard var entry = state.entries[id] else { return nil }
            guard !entry.refusesLeases else { throw .storageUnavailable(id) }
            state.tick &+= 1
            entry.leases += 1
            entry.lastUse = state.tick
            entry.frequent = true
            let sinceCheck = now.timeIntervalSince(entry.checkedAt)
            // A clock set back also checks, or a jump of an hour would stop the checks for an hour.
            let due = sinceCheck >= Self.identityCheckInterval || sinceCheck < 0
            if due { entry.checkedAt = now }
            state.entries[id] = entry
            return (entry.database, due ? entry.identity : nil)
        }
    }

    /// The slow path: make room (closing an unused pool, see `TenantStore+Eviction`, or waiting for one to be
    /// released), open the file, and lease it. Isolated to the actor, so a file is opened only once.
    private func openAndLease(_ id: TenantID) async throws -> TenantDatabase {
        while true {
            if let lease = try leaseIfOpen(id) {
                guard let identity = lease.check else { return lease.database }
                if try isStillOpenFile(id, identity) { return lease.database }
                continue
            }
            let room = state.withLock { state in state.makeRoom(for: id) }
            if let evicted = room.evicted {
                metrics.evictions.increment()
                closeInBackground(evicted)
            }
            guard room.ok else {
                metrics.slotWaits.increment()
                // Every open pool is in use: wait until a lease is returned, then look again.
                await withCheckedContinuation { continuation in
                    let resumeNow = state.withLock { state in
                        if state.hasRoom { return true }
                        state.waiters.append(continuation)
                        return false
                    }
                    if resumeNow { continuation.resume() }
                }
                continue
            }
            let (database, identity) = try openFile(id)
            metrics.opens.increment()
            let openedAt = now()
            let count = state.withLock { state in
                state.tick &+= 1
                state.entries[id] = Entry(
                    database: database, identity: identity, checkedAt: openedAt, leases: 1, lastUse: state.tick,
                    frequent: state.admit(id))
                return state.entries.count
            }
            logger.debug("tenant database opened", metadata: ["tenant": "\(id)", "open": "\(count)"])
            return database
        }
    }

    nonisolated func closeInBackground(_ database: TenantDatabase) {
        let logger = logger
        closer.async {
            do { try database.close() } catch {
                logger.warning("closing tenant database failed", metadata: ["tenant": "\(database.tenantID)"])
            }
        }
    }

    /// Closes every unused pool (graceful shutdown) and waits for those closes; a pool still in use by a
    /// request that has not finished closes when that request returns its lease, never under it.
    package func closeAll() {
        let unused = state.withLock { state in state.letGo(Array(state.entries.keys)) }
        for database in unused { closeInBackground(database) }
        closer.sync {}
    }
}

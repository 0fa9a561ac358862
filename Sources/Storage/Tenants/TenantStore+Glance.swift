import Domain
import Foundation
import GRDB

/// Reads for passes over every tenant (the mail recovery at start), which must not turn the pool over.
extension TenantStore {
    /// What `read` finds in the tenant's file, without taking a place in the pool.
    ///
    /// Through the pool, a pass over 1,000 tenants with 64 places opened every file in turn and closed the
    /// least recently used pool each time, so it closed every pool that requests were using; for the second it
    /// took after a restart, a progress report took twice its time. Here a tenant whose pool is open is read on
    /// that pool, and any other file on a connection of its own, closed after the read, that never enters the
    /// pool. A file on an older schema goes through the pool, which migrates it first; a tenant in maintenance
    /// is refused as the pool refuses it.
    nonisolated package func glance<T: Sendable>(_ id: TenantID, _ read: @Sendable (Database) throws -> T)
        async throws -> T
    {
        if !isOpen(id) {
            if TenantMaintenance(directory: directory).isInMaintenance(id) { throw TenantError.maintenance(id) }
            let path = directory.databasePath(for: id)
            guard FileManager.default.fileExists(atPath: path) else { throw TenantError.notProvisioned(id) }
            if let value = try Self.read(path, ifVersion: schema.version, read) { return value }
        }
        return try await withDatabase(id) { database in try Self.read(database.queue, read) }
    }

    /// `read` on a connection of its own to `path`, closed after it; nil if the file is not on `version`.
    private static func read<T>(_ path: String, ifVersion version: Int, _ read: (Database) throws -> T) throws -> T? {
        let queue = try DatabaseSetup.openTenantQueue(at: path)
        defer { try? queue.close() }
        return try queue.read { db -> T? in
            guard try Int.fetchOne(db, sql: "PRAGMA user_version") == version else { return nil }
            return try read(db)
        }
    }

    /// GRDB's synchronous read, on the caller's thread: inside `glance`, which is async, `queue.read` would be
    /// its async twin, which hops to the queue.
    private static func read<T>(_ queue: DatabaseQueue, _ read: (Database) throws -> T) throws -> T {
        try queue.read(read)
    }
}

import Domain
import Foundation
import GRDB
import GRDBSQLite

/// One tenant's database file and the engine verbs that run against it.
///
/// Every verb is one transaction. Values come back as domain types; records never leave `Storage`.
package final class TenantDatabase: Sendable {
    package let tenantID: TenantID
    let queue: DatabaseQueue
    private let commits: GroupCommit
    /// The frames in the WAL, for the store's checkpointer (`WALCheckpoints.background` only).
    let walFrames: WALFrameCount?

    private init(tenantID: TenantID, queue: DatabaseQueue, walFrames: WALFrameCount?) {
        self.tenantID = tenantID
        self.queue = queue
        self.commits = GroupCommit(queue: queue)
        self.walFrames = walFrames
    }

    /// One engine verb's transaction, committed together with those that wait beside it (`GroupCommit`);
    /// its value comes back only after the commit.
    func write<T: Sendable>(_ work: @escaping @Sendable (Database) throws -> T) async throws -> T {
        try await commits.write(work)
    }

    /// Opens an existing tenant file, refusing one written by a newer binary and migrating an older one
    /// (lazily: `tenants.migrateOnOpen`, or a file restored from before a migration).
    static func open(
        id: TenantID, path: String, schema: TenantSchema = .current, checkpoints: WALCheckpoints = .sqlite
    ) throws -> (database: TenantDatabase, outcome: TenantSchema.Outcome) {
        guard FileManager.default.fileExists(atPath: path) else { throw TenantError.notProvisioned(id) }
        let frames = checkpoints == .background ? WALFrameCount() : nil
        let queue = try DatabaseSetup.openTenantQueue(at: path, checkpoints: checkpoints, frames: frames)
        let outcome: TenantSchema.Outcome
        do {
            outcome = try schema.migrate(queue, tenant: id)
            try refuseReadOnly(queue)
        } catch {
            try? queue.close()
            throw error
        }
        return (TenantDatabase(tenantID: id, queue: queue, walFrames: frames), outcome)
    }

    /// SQLite opens a file it cannot write read-only without a word (permissions, an immutable file, a
    /// read-only mount); kept, that connection would fail every write even after the file is fixed.
    private static func refuseReadOnly(_ queue: DatabaseQueue) throws {
        guard queue.inDatabase({ db in sqlite3_db_readonly(db.sqliteConnection, "main") == 1 }) else { return }
        throw DatabaseError(resultCode: .SQLITE_READONLY, message: "the tenant file could only be opened read-only")
    }

    /// Moves what is left in the WAL into the file, on this connection's own queue between two transactions, where
    /// no commit can come in between; returns how many frames the WAL held and whether all are in the file now. For
    /// the store's checkpointer, when commits kept coming while its own connection copied
    /// (`TenantStore.checkpoint(_:_:_:)`).
    func finishCheckpoint() async throws -> (frames: Int, complete: Bool) {
        try await commits.outside { db in try DatabaseSetup.passiveCheckpoint(db) }
    }

    func close() throws { try queue.close() }
}

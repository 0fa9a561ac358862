import Foundation
import GRDB
import CSQLiteTuning
import GRDBSQLite

/// The one place that decides how every SQLite connection of the product is opened.
package enum DatabaseSetup {
    /// WAL (through `DatabasePool`), foreign keys on, a busy timeout, and no `ATTACH`.
    ///
    /// GRDB installs its own `sqlite3_set_authorizer` callback (it needs it to track transactions and
    /// observed regions), so a second authorizer would silently disable GRDB's. `ATTACH` is instead denied
    /// with `SQLITE_LIMIT_ATTACHED = 0`, the hardening SQLite's own security guide recommends: any
    /// `ATTACH` then fails before it opens a file, so one tenant's connection can never reach another
    /// tenant's file.
    package static func configuration(readonly: Bool = false, maximumReaderCount: Int = 4) -> Configuration {
        var config = Configuration()
        config.foreignKeysEnabled = true
        config.readonly = readonly
        config.busyMode = .timeout(5)
        config.maximumReaderCount = maximumReaderCount
        config.prepareDatabase { db in
            _ = sqlite3_limit(db.sqliteConnection, SQLITE_LIMIT_ATTACHED, 0)
            if !readonly {
                // WAL with synchronous=NORMAL is durable against application crashes; a power cut may lose
                // the last commits, never corrupt the file. Backups (stage 1) cover the rest.
                try db.execute(sql: "PRAGMA synchronous = NORMAL")
            }
        }
        return config
    }

    /// Opens (or creates) a WAL database file.
    package static func openPool(at path: String, maximumReaderCount: Int = 4) throws -> DatabasePool {
        try DatabasePool(path: path, configuration: configuration(maximumReaderCount: maximumReaderCount))
    }

    /// Opens a tenant file: one WAL connection, reads inline on the caller's thread, writes on its queue.
    ///
    /// Tenant files are opened and closed all the time as the open tenants turn over, so the
    /// connection does not checkpoint when it closes (`SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE`): a checkpoint
    /// syncs the file, which made closing cost more than a whole request. The committed data is in the WAL
    /// either way; SQLite's automatic checkpoint (every 1000 pages written) and the next opener carry on
    /// from it.
    ///
    /// WAL is a property of the file: the template is created in WAL mode and so is every copy, so the
    /// connection does not set it again on each open (GRDB's WAL setup cost a tenth of a cold request);
    /// `TenantSchema.migrate` switches an older file once. With the backup on, Litestream checkpoints
    /// instead of the connection (`WALCheckpoints`).
    package static func openTenantQueue(
        at path: String, checkpoints: WALCheckpoints = .sqlite, frames: WALFrameCount? = nil
    ) throws -> DatabaseQueue {
        var config = configuration()
        config.journalMode = .default
        config.prepareDatabase { db in
            _ = kp_sqlite_disable_checkpoint_on_close(db.sqliteConnection)
            if checkpoints != .sqlite { _ = sqlite3_wal_autocheckpoint(db.sqliteConnection, 0) }
            if checkpoints == .background, let frames, let connection = db.sqliteConnection {
                // After the line above, which removes SQLite's own hook. This closure, kept by the
                // connection's configuration, keeps `frames` alive as long as the connection.
                frames.install(on: connection)
                // A WAL that grew past this (a checkpoint held back) is cut back when it starts over; below it the
                // file keeps its size, so starting over costs no `ftruncate` in a request (`WALFrameCount`).
                try db.execute(sql: "PRAGMA journal_size_limit = \(walSizeLimit)")
            }
            try db.execute(sql: "PRAGMA cache_size = -\(tenantCacheKiB)")
        }
        return try DatabaseQueue(path: path, configuration: config)
    }

    /// The page cache of one tenant connection, in KiB (SQLite's default is 2,000). A kommune with 500 LIS has a
    /// file of about 120 MB, and a leder's overview of 50 LIS walks more index pages than the default holds:
    /// a sixth of the page's time went to reading them again (`pread`). The cache fills only as pages are read,
    /// so a small tenant keeps a small one; at most `tenants.maxOpen` big, busy tenants hold 8 MiB each.
    static let tenantCacheKiB = 8192

    /// The size a tenant's WAL file is cut back to when it starts over, with `WALCheckpoints.background`: above
    /// the 32 MiB at which the tenant's connection finishes a checkpoint itself (`TenantStore.finishThreshold`), so
    /// only a WAL that grew while no checkpoint could finish (a long reader) is cut.
    package static let walSizeLimit = 64 * 1024 * 1024

    /// Moves what the WAL holds into the database file without waiting for readers or writers (PASSIVE),
    /// from a connection of its own: for files whose checkpoints nobody else does now. Returns what
    /// `passiveCheckpoint` does.
    @discardableResult
    package static func checkpoint(at path: String) throws -> (frames: Int, complete: Bool) {
        let queue = try DatabaseQueue(path: path, configuration: configuration())
        let done = try queue.writeWithoutTransaction { db in try passiveCheckpoint(db) }
        try queue.close()
        return done
    }

    /// `PRAGMA wal_checkpoint(PASSIVE)` on `db`: the frames the WAL held, and whether all are in the file now.
    /// Both are of the WAL as `db` saw it when the checkpoint began: frames that another connection committed
    /// while it ran are not counted (the writing connection's `WALFrameCount` tells whether there were any).
    static func passiveCheckpoint(_ db: Database) throws -> (frames: Int, complete: Bool) {
        // (busy, frames in the WAL, frames checkpointed); -1 and -1 when the file is not in WAL mode.
        guard let row = try Row.fetchOne(db, sql: "PRAGMA wal_checkpoint(PASSIVE)"),
            let busy = row[0] as Int?, let frames = row[1] as Int?, let moved = row[2] as Int?
        else { return (0, false) }
        return (frames, busy == 0 && frames >= 0 && moved == frames)
    }
}

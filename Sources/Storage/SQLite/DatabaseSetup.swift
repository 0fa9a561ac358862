import Foundation
import GRDB
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
}

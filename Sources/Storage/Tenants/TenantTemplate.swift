import Foundation
import GRDB

/// A fully migrated, empty tenant database, so that provisioning a tenant is a file copy.
package enum TenantTemplate {
    /// Builds the template next to its final place and renames it in, so a concurrent `kp` process or
    /// server never copies a half-written file.
    package static func build(at path: String) throws {
        let url = URL(fileURLWithPath: path)
        try FileManager.default.createDirectory(
            at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        let temporary = url.deletingLastPathComponent()
            .appendingPathComponent("tenant-\(UUID().uuidString).sqlite.tmp").path
        do {
            var config = DatabaseSetup.configuration()
            config.journalMode = .default
            let queue = try DatabaseQueue(path: temporary, configuration: config)
            try TenantMigrations.migrator.migrate(queue)
            try queue.writeWithoutTransaction { db in
                try db.execute(sql: "PRAGMA user_version = \(TenantMigrations.version)")
                // WAL is a property of the file: copies open in WAL mode with no conversion. The checkpoint
                // leaves everything in the main file, so no -wal or -shm needs copying.
                try db.execute(sql: "PRAGMA journal_mode = WAL")
                try db.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)")
            }
            try queue.close()
            guard rename(temporary, path) == 0 else { throw StorageError.fileOperationFailed("rename template") }
        } catch {
            try? FileManager.default.removeItem(atPath: temporary)
            throw error
        }
    }
}

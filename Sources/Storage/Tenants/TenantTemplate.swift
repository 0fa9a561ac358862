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
            // A single self-contained file: no -wal or -shm beside it to copy.
            try queue.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA journal_mode = DELETE") }
            try queue.close()
            guard rename(temporary, path) == 0 else { throw StorageError.fileOperationFailed("rename template") }
        } catch {
            try? FileManager.default.removeItem(atPath: temporary)
            throw error
        }
    }
}

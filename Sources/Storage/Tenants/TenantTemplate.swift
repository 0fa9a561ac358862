import Foundation
import GRDB

/// A fully migrated, empty tenant database, so that provisioning a tenant is a file copy.
package enum TenantTemplate {
    /// Builds the template next to its final place and renames it in, so a concurrent `kp` process or
    /// server never copies a half-written file.
    ///
    /// Builders hold an exclusive lock on `build.lock` in the template folder while they build. So any
    /// temporary file found there under the lock was left by a builder that was killed half way (a start
    /// interrupted by SIGKILL or a power cut); it is removed with its journals, or every interrupted start
    /// would leave one more behind.
    package static func build(at path: String, schema: TenantSchema = .current) throws {
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent()
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try withBuildLock(in: folder) {
            try removeLeftovers(in: folder)
            try buildUnlocked(at: url, schema: schema)
        }
    }

    private static func buildUnlocked(at url: URL, schema: TenantSchema) throws {
        let temporary = url.deletingLastPathComponent()
            .appendingPathComponent("tenant-\(UUID().uuidString)\(temporarySuffix)").path
        do {
            var config = DatabaseSetup.configuration()
            config.journalMode = .default
            let queue = try DatabaseQueue(path: temporary, configuration: config)
            try schema.migrator.migrate(queue)
            try queue.writeWithoutTransaction { db in
                try db.execute(sql: "PRAGMA user_version = \(schema.version)")
                // WAL is a property of the file: copies open in WAL mode with no conversion. The checkpoint
                // leaves everything in the main file, so no -wal or -shm needs copying.
                try db.execute(sql: "PRAGMA journal_mode = WAL")
                try db.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)")
            }
            try queue.close()
            guard rename(temporary, url.path) == 0 else { throw StorageError.fileOperationFailed("rename template") }
        } catch {
            try? FileManager.default.removeItem(atPath: temporary)
            throw error
        }
    }

    private static let temporarySuffix = ".sqlite.tmp"

    /// `tenant-<uuid>.sqlite.tmp` and its `-wal`, `-shm` and `-journal` files.
    static func isLeftover(_ name: String) -> Bool {
        guard name.hasPrefix("tenant-") else { return false }
        let base = ["-wal", "-shm", "-journal"].first { name.hasSuffix($0) }.map { String(name.dropLast($0.count)) }
        return (base ?? name).hasSuffix(temporarySuffix)
    }

    private static func removeLeftovers(in folder: URL) throws {
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) where isLeftover(name) {
            try FileManager.default.removeItem(at: folder.appendingPathComponent(name))
        }
    }

    /// An advisory lock (`flock`) that the kernel releases when its holder dies, so a killed builder never
    /// leaves the folder locked.
    private static func withBuildLock(in folder: URL, _ body: () throws -> Void) throws {
        let descriptor = open(folder.appendingPathComponent("build.lock").path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw StorageError.fileOperationFailed("open template lock") }
        defer { close(descriptor) }
        guard flock(descriptor, LOCK_EX) == 0 else { throw StorageError.fileOperationFailed("lock template folder") }
        try body()
    }
}

import Domain
import Foundation
import GRDB

/// Brings databases back from the replica with `litestream restore`: one tenant in place (in maintenance, so a
/// running server lets go of it first), or the registry and every provisioned tenant into a folder.
///
/// A restore always writes a new file first and checks it (`PRAGMA integrity_check`); only a whole, sound
/// file replaces anything, so a tenant without a replica, a time before the first backup or a damaged copy
/// leaves the live file as it was.
package struct BackupRestorer: Sendable {
    /// The live tenants folder: its paths name the databases in Litestream's configuration.
    package let directory: TenantDirectory
    package let settings: BackupSettings
    let litestream: Litestream

    package init(directory: TenantDirectory, settings: BackupSettings) throws {
        self.directory = directory
        self.settings = settings
        self.litestream = try Litestream(path: settings.litestreamPath)
    }

    /// Restores the database kept below the replica's root at `replicaPath` into `output` (a new file).
    /// `name` says which database in errors.
    package func restore(replicaPath: String, name: String, to output: URL, at time: Date?) async throws {
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("kp-restore-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: work) }
        // The configuration names the database by its live path; Litestream only uses it to find the replica.
        let key = directory.root.appendingPathComponent(replicaPath).path
        let configuration = work.appendingPathComponent("litestream.yml")
        try LitestreamConfiguration(
            databases: [.init(path: key, replicaPath: replicaPath)], replica: settings.replica,
            syncInterval: settings.syncInterval
        ).write(to: configuration)
        var arguments = ["restore", "-no-expand-env", "-config", configuration.path, "-o", output.path]
        if let time { arguments += ["-timestamp", time.formatted(.iso8601)] }
        arguments.append(key)
        let outcome = try await litestream.run(arguments, timeout: .seconds(600))
        guard outcome.status == 0 else {
            try? FileManager.default.removeItem(at: output)
            let reason = outcome.reason
            if let time, reason.contains("timestamp does not exist") { throw BackupError.beforeFirstBackup(database: name, at: time) }
            if reason.contains("no matching backup files") {
                // Before the first backup reads the same as no backup at all; the list of files tells them apart.
                if let time, try await hasBackups(configuration: configuration, key: key) {
                    throw BackupError.beforeFirstBackup(database: name, at: time)
                }
                throw BackupError.noReplica(database: name)
            }
            throw BackupError.restoreFailed(database: name, reason: reason)
        }
        do {
            try Self.checkIntegrity(of: output.path)
        } catch let error as BackupError {
            try? FileManager.default.removeItem(at: output)
            throw error.named(name)
        }
    }

    /// Whether the replica holds any file of the database.
    private func hasBackups(configuration: URL, key: String) async throws -> Bool {
        let outcome = try await litestream.run(
            ["ltx", "-json", "-level", "all", "-no-expand-env", "-config", configuration.path, key], timeout: .seconds(60))
        return outcome.status == 0 && BackupSupervisor.newestTimestamp(in: outcome.output) != nil
    }

    /// Restores one tenant in place. The tenant is in maintenance meanwhile: servers refuse it (503
    /// `tenant.maintenance`) and close its pool, and the backup supervisor pauses its Litestream process and
    /// starts it again afterwards (Litestream then carries the replica on from the restored file).
    package func restoreTenant(_ id: TenantID, at time: Date?) async throws {
        try FileManager.default.createDirectory(at: directory.backupFolder, withIntermediateDirectories: true)
        let restored = directory.backupFolder.appendingPathComponent("restore-\(id.rawValue)-\(UUID().uuidString).sqlite")
        defer { try? FileManager.default.removeItem(at: restored) }
        try await TenantMaintenance(directory: directory).run(id, reason: "restore", replacesFile: true) {
            try await restore(
                replicaPath: directory.relativeDatabasePath(for: id), name: "tenant \(id)", to: restored, at: time)
            try Self.putInPlace(restored, at: directory.databasePath(for: id))
        }
    }

    /// Replaces the file at `path` (and its WAL, and Litestream's local state, which describe the old file)
    /// by `restored`, with one rename.
    static func putInPlace(_ restored: URL, at path: String) throws {
        let target = URL(fileURLWithPath: path)
        let folder = target.deletingLastPathComponent()
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for side in [path + "-wal", path + "-shm", folder.appendingPathComponent(".\(target.lastPathComponent)-litestream").path]
        where FileManager.default.fileExists(atPath: side) {
            try FileManager.default.removeItem(atPath: side)
        }
        guard rename(restored.path, path) == 0 else {
            throw StorageError.fileOperationFailed("cannot move the restored file into place (errno \(errno))")
        }
    }

    /// `PRAGMA integrity_check` on a file nobody else has open.
    package static func checkIntegrity(of path: String) throws {
        var configuration = Configuration()
        configuration.readonly = true
        let queue = try DatabaseQueue(path: path, configuration: configuration)
        defer { try? queue.close() }
        let result = try queue.read { db in try String.fetchAll(db, sql: "PRAGMA integrity_check") }
        guard result == ["ok"] else {
            throw BackupError.restoredFileDamaged(database: path, reason: result.prefix(3).joined(separator: "; "))
        }
    }
}

extension BackupError {
    /// The same error about the database called `name`.
    func named(_ name: String) -> BackupError {
        switch self {
        case .restoredFileDamaged(_, let reason): .restoredFileDamaged(database: name, reason: reason)
        default: self
        }
    }
}

import Domain
import Foundation
import GRDB

/// Every tenant at once: the disaster restore and the regular check that the backup restores.
extension BackupRestorer {
    /// One step of a long run, for the progress line.
    package struct Step: Sendable {
        package var done: Int
        package var total: Int
        package var database: String
        /// Nil when it went well.
        package var problem: String?
    }

    package struct Summary: Sendable {
        package var restored: Int
        /// Database name and why, for each that failed.
        package var failed: [(String, String)]
    }

    /// Restores the registry, then every tenant the restored registry lists as provisioned, into `target`
    /// (the live tenants folder after a loss, or another folder). Refuses a folder that has a registry.
    /// A tenant that cannot be restored is reported and the others go on.
    package func restoreAll(
        into target: TenantDirectory, at time: Date?, jobs: Int, progress: @escaping @Sendable (Step) -> Void
    ) async throws -> Summary {
        guard !FileManager.default.fileExists(atPath: target.registryPath) else {
            throw BackupError.targetNotEmpty(path: target.root.path)
        }
        try FileManager.default.createDirectory(at: target.registryFolder, withIntermediateDirectories: true)
        let registry = target.registryFolder.appendingPathComponent("registry.restoring.sqlite")
        try await restore(replicaPath: TenantDirectory.relativeRegistryPath, name: "the registry", to: registry, at: time)
        try Self.putInPlace(registry, at: target.registryPath)
        let tenants = try Self.provisionedTenants(registryPath: target.registryPath)
        let total = tenants.count + 1
        progress(Step(done: 1, total: total, database: "registry", problem: nil))
        let failures = await forEach(tenants, jobs: jobs) { id in
            let output = target.folder(for: id).appendingPathComponent("tenant.restoring.sqlite")
            try FileManager.default.createDirectory(at: target.folder(for: id), withIntermediateDirectories: true)
            try await restore(
                replicaPath: directory.relativeDatabasePath(for: id), name: "tenant \(id)", to: output, at: time)
            try Self.putInPlace(output, at: target.databasePath(for: id))
        } progress: { done, id, problem in
            progress(Step(done: done + 1, total: total, database: id.rawValue, problem: problem))
        }
        return Summary(restored: total - failures.count, failed: failures)
    }

    /// Restores each tenant (and the registry) into a temporary folder and compares it with the live file:
    /// `PRAGMA integrity_check`, and the row count of every table. A live file written to since the last
    /// sync may have more rows; run it again, or compare at a quiet hour.
    package func verify(
        tenants: [TenantID], jobs: Int, progress: @escaping @Sendable (Step) -> Void
    ) async throws -> Summary {
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("kp-verify-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: work) }
        let registryCopy = work.appendingPathComponent("registry.sqlite")
        var failures: [(String, String)] = []
        do {
            try await restore(replicaPath: TenantDirectory.relativeRegistryPath, name: "the registry", to: registryCopy, at: nil)
            try Self.compareCounts(live: directory.registryPath, restored: registryCopy.path, name: "the registry")
            progress(Step(done: 1, total: tenants.count + 1, database: "registry", problem: nil))
        } catch {
            failures.append(("registry", Self.describe(error)))
            progress(Step(done: 1, total: tenants.count + 1, database: "registry", problem: Self.describe(error)))
        }
        try? FileManager.default.removeItem(at: registryCopy)
        let tenantFailures = await forEach(tenants, jobs: jobs) { id in
            let copy = work.appendingPathComponent("\(id.rawValue).sqlite")
            defer { try? FileManager.default.removeItem(at: copy) }
            try await restore(replicaPath: directory.relativeDatabasePath(for: id), name: "tenant \(id)", to: copy, at: nil)
            try Self.compareCounts(live: directory.databasePath(for: id), restored: copy.path, name: "tenant \(id)")
        } progress: { done, id, problem in
            progress(Step(done: done + 1, total: tenants.count + 1, database: id.rawValue, problem: problem))
        }
        failures += tenantFailures
        return Summary(restored: tenants.count + 1 - failures.count, failed: failures)
    }

    /// Runs `work` for each tenant, `jobs` at a time; returns the failures by tenant.
    private func forEach(
        _ tenants: [TenantID], jobs: Int, _ work: @escaping @Sendable (TenantID) async throws -> Void,
        progress: @escaping @Sendable (Int, TenantID, String?) -> Void
    ) async -> [(String, String)] {
        await withTaskGroup(of: (TenantID, String?).self) { group in
            var next = tenants.makeIterator()
            func add() {
                guard let id = next.next() else { return }
                group.addTask {
                    do {
                        try await work(id)
                        return (id, nil)
                    } catch {
                        return (id, Self.describe(error))
                    }
                }
            }
            for _ in 0..<max(1, jobs) { add() }
            var done = 0
            var failures: [(String, String)] = []
            for await (id, problem) in group {
                done += 1
                if let problem { failures.append((id.rawValue, problem)) }
                progress(done, id, problem)
                add()
            }
            return failures.sorted { $0.0 < $1.0 }
        }
    }

    static func describe(_ error: any Error) -> String {
        (error as? any DescribedFailure).map { "\($0.code): \($0.detail)" } ?? "\(error)"
    }

    /// The tenants whose file should exist: provisioned, and not deleted after a terminated agreement.
    package static func provisionedTenants(registryPath: String) throws -> [TenantID] {
        var configuration = Configuration()
        configuration.readonly = true
        let queue = try DatabaseQueue(path: registryPath, configuration: configuration)
        defer { try? queue.close() }
        let ids = try queue.read { db in
            try String.fetchAll(db, sql: "SELECT id FROM tenant WHERE provisionedAt IS NOT NULL ORDER BY id")
        }
        return ids.compactMap { try? TenantID($0) }
    }

    /// The row count of every table, in the live file and the restored copy; a difference is an error naming
    /// the table.
    static func compareCounts(live: String, restored: String, name: String) throws {
        let liveCounts = try rowCounts(live)
        let restoredCounts = try rowCounts(restored)
        let differing = Set(liveCounts.keys).union(restoredCounts.keys).sorted().filter {
            liveCounts[$0] != restoredCounts[$0]
        }
        guard differing.isEmpty else {
            let text = differing.prefix(5).map { "\($0) live \(liveCounts[$0] ?? 0), restored \(restoredCounts[$0] ?? 0)" }
            throw BackupError.restoreFailed(database: name, reason: "row counts differ: " + text.joined(separator: ", "))
        }
    }

    static func rowCounts(_ path: String) throws -> [String: Int] {
        var configuration = Configuration()
        configuration.readonly = true
        let queue = try DatabaseQueue(path: path, configuration: configuration)
        defer { try? queue.close() }
        return try queue.read { db in
            let tables = try String.fetchAll(
                db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
            var counts: [String: Int] = [:]
            for table in tables {
                counts[table] = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \(table.quotedDatabaseIdentifier)") ?? 0
            }
            return counts
        }
    }
}

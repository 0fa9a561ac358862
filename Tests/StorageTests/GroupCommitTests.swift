import Foundation
import GRDB
import Synchronization
import Testing

@testable import Storage

@Suite struct GroupCommitTests {
    struct Refused: Error, Equatable {}

    /// Counts the commits of its connection, to tell one transaction for a group from one per write.
    final class Commits: TransactionObserver, Sendable {
        let count = Mutex(0)
        func observes(eventsOfKind eventKind: DatabaseEventKind) -> Bool { true }
        func databaseDidChange(with event: DatabaseEvent) {}
        func databaseDidCommit(_ db: Database) { count.withLock { $0 += 1 } }
        func databaseDidRollback(_ db: Database) {}
    }

    /// A tenant-like file in a temporary folder: WAL, a table of unique numbers, and a table whose foreign
    /// key is checked only at commit.
    static func database() throws -> (DatabaseQueue, URL) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("group-commit-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let queue = try DatabaseSetup.openTenantQueue(at: folder.appendingPathComponent("t.sqlite").path)
        try queue.write { db in
            try db.execute(
                sql: """
                    CREATE TABLE number (value INTEGER NOT NULL UNIQUE);
                    CREATE TABLE parent (id INTEGER PRIMARY KEY);
                    CREATE TABLE child (parentId INTEGER REFERENCES parent(id) DEFERRABLE INITIALLY DEFERRED);
                    """)
        }
        return (queue, folder)
    }

    /// Runs its jobs on a dispatch queue of its own, so that a test may block the thread (`hold`): Swift
    /// concurrency has only a few threads, one a core, which the other tests need.
    final class OwnThread: TaskExecutor {
        let queue = DispatchQueue(label: "group-commit-tests.hold")
        func enqueue(_ job: consuming ExecutorJob) {
            let job = UnownedJob(job)
            queue.async { job.runSynchronously(on: self.asUnownedTaskExecutor()) }
        }
    }

    final class Flag: Sendable {
        let raised = Mutex(false)
    }

    /// Holds the connection until the gate is signalled, so that the writes submitted meanwhile wait as one
    /// group: a write of the group commit whose work waits for the gate. An idle connection runs a write on
    /// its caller's thread, so that write runs on a thread of its own (`OwnThread`). Returns once it holds
    /// the connection.
    static func hold(_ commits: GroupCommit) async throws -> DispatchSemaphore {
        let gate = DispatchSemaphore(value: 0)
        let holding = Flag()
        Task(executorPreference: OwnThread()) {
            try await commits.write { _ in
                holding.raised.withLock { $0 = true }
                gate.wait()
            }
        }
        for _ in 0..<2_000 where !holding.raised.withLock({ $0 }) { try await Task.sleep(for: .milliseconds(1)) }
        #expect(holding.raised.withLock { $0 }, "the holding write runs")
        return gate
    }

    static func waitUntil(_ commits: GroupCommit, waiting count: Int) async throws {
        for _ in 0..<2_000 where commits.waiting < count { try await Task.sleep(for: .milliseconds(1)) }
        #expect(commits.waiting == count)
    }

    static func numbers(_ queue: DatabaseQueue) throws -> [Int] {
        try queue.read { db in try Int.fetchAll(db, sql: "SELECT value FROM number ORDER BY value") }
    }

    @Test func writesThatWaitTogetherCommitOnceAndAFailedOneLeavesNothingBehind() async throws {
        let (queue, folder) = try Self.database()
        defer { try? FileManager.default.removeItem(at: folder) }
        let observer = Commits()
        queue.add(transactionObserver: observer)
        let commits = GroupCommit(queue: queue)
        let gate = try await Self.hold(commits)

        let first = Task { try await commits.write { db in try db.execute(sql: "INSERT INTO number VALUES (1)") } }
        try await Self.waitUntil(commits, waiting: 1)
        let second = Task {
            try await commits.write { db in
                try db.execute(sql: "INSERT INTO number VALUES (2)")
                throw Refused()
            }
        }
        try await Self.waitUntil(commits, waiting: 2)
        let third = Task {
            try await commits.write { db in
                try db.execute(sql: "INSERT INTO number VALUES (3)")
                return 3
            }
        }
        try await Self.waitUntil(commits, waiting: 3)
        gate.signal()

        try await first.value
        await #expect(throws: Refused.self) { try await second.value }
        #expect(try await third.value == 3)
        #expect(try Self.numbers(queue) == [1, 3])
        // The holding write's own (empty) transaction, then one for the three.
        #expect(observer.count.withLock { $0 } == 2, "the three waited together and were committed once")
    }

    @Test func whenTheGroupsCommitFailsNoWriteOfItIsAcknowledgedOrKept() async throws {
        let (queue, folder) = try Self.database()
        defer { try? FileManager.default.removeItem(at: folder) }
        let commits = GroupCommit(queue: queue)
        let gate = try await Self.hold(commits)

        let first = Task { try await commits.write { db in try db.execute(sql: "INSERT INTO number VALUES (1)") } }
        try await Self.waitUntil(commits, waiting: 1)
        // A deferred foreign key: its savepoint is released, and the violation shows only at COMMIT.
        let orphan = Task { try await commits.write { db in try db.execute(sql: "INSERT INTO child VALUES (42)") } }
        try await Self.waitUntil(commits, waiting: 2)
        gate.signal()

        await #expect(throws: DatabaseError.self) { try await first.value }
        await #expect(throws: DatabaseError.self) { try await orphan.value }
        #expect(try Self.numbers(queue) == [])
        #expect(try await queue.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM child") } == 0)
        // The connection is usable again: the next write commits on its own.
        try await commits.write { db in try db.execute(sql: "INSERT INTO number VALUES (5)") }
        #expect(try Self.numbers(queue) == [5])
    }

    @Test func manyConcurrentWritesAreEachAcknowledgedOnlyOnceCommitted() async throws {
        let (queue, folder) = try Self.database()
        defer { try? FileManager.default.removeItem(at: folder) }
        let commits = GroupCommit(queue: queue)
        let acknowledged = try await withThrowingTaskGroup(of: Int.self) { group in
            for value in 1...300 {
                group.addTask {
                    try await commits.write { db in
                        try db.execute(sql: "INSERT INTO number VALUES (?)", arguments: [value])
                    }
                    // Acknowledged: a fresh read of the file sees it.
                    let seen = try await queue.read { db in
                        try Int.fetchOne(db, sql: "SELECT count(*) FROM number WHERE value = ?", arguments: [value])
                    }
                    #expect(seen == 1, "write \(value) is in the file when it is acknowledged")
                    return value
                }
            }
            return try await group.reduce(into: [Int]()) { $0.append($1) }
        }
        #expect(acknowledged.sorted() == Array(1...300))
        #expect(try Self.numbers(queue) == Array(1...300))
        #expect(commits.waiting == 0)
    }

    @Test func aWriteThatBreaksAUniqueRuleFailsAloneInItsGroup() async throws {
        let (queue, folder) = try Self.database()
        defer { try? FileManager.default.removeItem(at: folder) }
        let commits = GroupCommit(queue: queue)
        let gate = try await Self.hold(commits)
        let first = Task { try await commits.write { db in try db.execute(sql: "INSERT INTO number VALUES (7)") } }
        try await Self.waitUntil(commits, waiting: 1)
        let twice = Task { try await commits.write { db in try db.execute(sql: "INSERT INTO number VALUES (7)") } }
        try await Self.waitUntil(commits, waiting: 2)
        let other = Task { try await commits.write { db in try db.execute(sql: "INSERT INTO number VALUES (8)") } }
        try await Self.waitUntil(commits, waiting: 3)
        gate.signal()

        try await first.value
        await #expect(throws: DatabaseError.self) { try await twice.value }
        try await other.value
        #expect(try Self.numbers(queue) == [7, 8])
    }

    @Test func aWriteOnAnIdleConnectionRunsOnItsCallersThreadAndIsCommittedWhenItReturns() async throws {
        let (queue, folder) = try Self.database()
        defer { try? FileManager.default.removeItem(at: folder) }
        let observer = Commits()
        queue.add(transactionObserver: observer)
        let commits = GroupCommit(queue: queue)
        let caller = pthread_self()
        let worker = try await commits.write { db in
            try db.execute(sql: "INSERT INTO number VALUES (1)")
            return UInt(bitPattern: Int(bitPattern: pthread_self()))
        }
        #expect(worker == UInt(bitPattern: Int(bitPattern: caller)), "no hop to the connection's queue")
        #expect(observer.count.withLock { $0 } == 1)
        let seen = try await queue.read { db in try Int.fetchAll(db, sql: "SELECT value FROM number") }
        #expect(seen == [1])
        #expect(commits.waiting == 0)
    }

    @Test func aFailedWriteOnAnIdleConnectionLeavesNothingAndFreesTheConnection() async throws {
        let (queue, folder) = try Self.database()
        defer { try? FileManager.default.removeItem(at: folder) }
        let commits = GroupCommit(queue: queue)
        await #expect(throws: Refused.self) {
            try await commits.write { db in
                try db.execute(sql: "INSERT INTO number VALUES (1)")
                throw Refused()
            }
        }
        // A deferred foreign key fails at COMMIT: nothing is kept, the caller gets SQLite's error.
        await #expect(throws: DatabaseError.self) {
            try await commits.write { db in try db.execute(sql: "INSERT INTO child VALUES (42)") }
        }
        #expect(try Self.numbers(queue) == [])
        try await commits.write { db in try db.execute(sql: "INSERT INTO number VALUES (2)") }
        #expect(try Self.numbers(queue) == [2])
        #expect(commits.waiting == 0)
    }

    /// The writes that arrive while a caller runs its transaction on an idle connection wait, and are then
    /// committed together, after it.
    @Test func writesThatArriveWhileACallerHoldsTheConnectionWaitAndCommitTogetherAfterIt() async throws {
        let (queue, folder) = try Self.database()
        defer { try? FileManager.default.removeItem(at: folder) }
        let commits = GroupCommit(queue: queue)
        let observer = Commits()
        queue.add(transactionObserver: observer)
        let gate = try await Self.hold(commits)
        let writes = (1...5).map { (value: Int) in
            Task {
                try await commits.write { db in try db.execute(sql: "INSERT INTO number VALUES (?)", arguments: [value]) }
            }
        }
        try await Self.waitUntil(commits, waiting: 5)
        // Through a second connection: the held one would wait for the holder.
        let reader = try DatabaseQueue(path: folder.appendingPathComponent("t.sqlite").path)
        #expect(try Self.numbers(reader) == [], "nothing is written before the holder is done")
        gate.signal()
        for write in writes { try await write.value }
        #expect(try Self.numbers(queue) == [1, 2, 3, 4, 5])
        #expect(observer.count.withLock { $0 } == 2, "the holder's transaction, then one for the five")
        #expect(commits.waiting == 0)
    }

    /// A checkpoint between two transactions (`outside`) runs on the connection's queue; the writes that come
    /// meanwhile wait behind it there, rather than on their caller's thread, and commit once it is done.
    @Test func whileACheckpointHoldsTheConnectionWritesWaitOnItsQueueNotOnTheirCallersThread() async throws {
        let (queue, folder) = try Self.database()
        defer { try? FileManager.default.removeItem(at: folder) }
        let commits = GroupCommit(queue: queue)
        let gate = DispatchSemaphore(value: 0)
        let entered = Flag()
        let checkpoint = Task {
            try await commits.outside { db in
                entered.raised.withLock { $0 = true }
                gate.wait()
                return try DatabaseSetup.passiveCheckpoint(db)
            }
        }
        for _ in 0..<2_000 where !entered.raised.withLock({ $0 }) { try await Task.sleep(for: .milliseconds(1)) }
        let caller = UInt(bitPattern: Int(bitPattern: pthread_self()))
        let write = Task {
            try await commits.write { db in
                try db.execute(sql: "INSERT INTO number VALUES (1)")
                return UInt(bitPattern: Int(bitPattern: pthread_self()))
            }
        }
        // It waits as a group would, instead of blocking a thread of Swift concurrency on the queue.
        try await Self.waitUntil(commits, waiting: 1)
        gate.signal()
        _ = try await checkpoint.value
        #expect(try await write.value != caller)
        #expect(try Self.numbers(queue) == [1])
        #expect(commits.waiting == 0)
        // Once the checkpoint is done, an idle connection is the caller's again.
        let callerAgain = UInt(bitPattern: Int(bitPattern: pthread_self()))
        let worker = try await commits.write { db in
            try db.execute(sql: "INSERT INTO number VALUES (2)")
            return UInt(bitPattern: Int(bitPattern: pthread_self()))
        }
        #expect(worker == callerAgain)
    }
}

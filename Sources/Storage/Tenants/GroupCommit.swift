import GRDB
import Synchronization

/// Group commit for one tenant's connection: the transactions that arrive while the connection is busy run
/// together in the next SQLite transaction, each in its own savepoint, and every caller is answered only
/// after that one `COMMIT`.
///
/// Every engine verb is one transaction, and so is every logged read (its access-log line), so under load
/// most of a tenant's time went to beginning and committing transactions and to writing the same WAL pages
/// again for each of them. Grouped, a page that several transactions touch is written once per group.
/// Nothing is acknowledged before it is durable (in WAL with `synchronous = NORMAL`, as before), and one
/// caller's failure rolls back only its own savepoint: the others in the group commit without it.
final class GroupCommit: Sendable {
    /// One caller's transaction: `run` does the work and returns what answers the caller after the commit;
    /// `fail` answers with an error instead. Exactly one of the two answers is given.
    private struct Job: Sendable {
        let run: @Sendable (Database) throws -> @Sendable () -> Void
        let fail: @Sendable (any Error) -> Void
    }

    private struct State {
        var pending: [Job] = []
        /// Whether a drain is scheduled on the connection; only one is at a time.
        var draining = false
        /// Work scheduled on the connection outside the group commit (`outside`): while there is any, a write
        /// does not run on its caller's thread, which would wait for it.
        var outside = 0
    }

    /// The most transactions one group takes, so a caller at the head of a long queue is not kept waiting
    /// behind all of it before its commit.
    static let maximumGroup = 64

    private let queue: DatabaseQueue
    private let state = Mutex(State())

    init(queue: DatabaseQueue) { self.queue = queue }

    /// How many transactions wait for the next group: the tests hold the connection and watch it fill.
    var waiting: Int { state.withLock { $0.pending.count } }

    /// Runs `work` in a transaction (grouped with others) and returns its value once that is committed.
    ///
    /// On an idle connection the caller runs its transaction itself, on its own thread: handing it to the
    /// connection's queue and the answer back cost two thread wake-ups, 0.08 ms of a progress report's 0.52
    /// one request at a time (lab, release build); under load, when the connection is busy, writes wait and
    /// are grouped as before, and throughput did not change. The caller's thread waits meanwhile, as it
    /// would for a read on the queue (`DispatchQueue.sync`), if another job holds the connection.
    func write<T: Sendable>(_ work: @escaping @Sendable (Database) throws -> T) async throws -> T {
        if claimIdle() {
            defer { releaseClaim() }
            return try runAlone(work)
        }
        return try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<T, any Error>) in
            let job = Job(
                run: { db in
                    let value = try work(db)
                    return { continuation.resume(returning: value) }
                },
                fail: { error in continuation.resume(throwing: error) })
            let schedule = state.withLock { state in
                state.pending.append(job)
                guard !state.draining else { return false }
                state.draining = true
                return true
            }
            if schedule { drain() }
        }
    }

    /// Takes the connection for one caller if no group holds it or waits for it; the writes that arrive
    /// until `releaseClaim` wait for the next group, as behind a group.
    private func claimIdle() -> Bool {
        state.withLock { state in
            // Nothing waits while no drain is scheduled: a waiting write always schedules one.
            guard !state.draining, state.outside == 0 else { return false }
            state.draining = true
            return true
        }
    }

    /// Gives the connection back, or to the writes that came meanwhile, as the next group (after a caller's own
    /// transaction, and after each group).
    private func releaseClaim() {
        let more = state.withLock { state in
            if state.pending.isEmpty { state.draining = false }
            return state.draining
        }
        if more { drain() }
    }

    /// GRDB's synchronous `write` (one transaction), on the caller's thread. Not async: inside `write`,
    /// which is, GRDB's async overload would be chosen, and it hops to the queue.
    private func runAlone<T>(_ work: (Database) throws -> T) throws -> T {
        try queue.write(work)
    }

    /// Runs `work` on the connection outside any transaction (the checkpoint between two transactions), on its
    /// queue. Meanwhile the writes go to the queue too, behind it, instead of running on their callers' threads:
    /// those are event loops, and a checkpoint of thousands of pages would hold up every request on them.
    func outside<T: Sendable>(_ work: @escaping @Sendable (Database) throws -> T) async throws -> T {
        state.withLock { $0.outside += 1 }
        defer { state.withLock { $0.outside -= 1 } }
        return try await queue.writeWithoutTransaction(work)
    }

    /// Takes what is waiting (up to `maximumGroup`) as one group on the connection's queue, then schedules
    /// itself again behind any other use of the connection while more is waiting.
    private func drain() {
        queue.asyncWriteWithoutTransaction { db in
            let group = self.state.withLock { state in
                let group = Array(state.pending.prefix(Self.maximumGroup))
                state.pending.removeFirst(group.count)
                return group
            }
            Self.commit(group, db)
            self.releaseClaim()
        }
    }

    /// One transaction for the group. A lone job runs in it directly (no savepoint to pay for); in a group,
    /// each job has a savepoint, so its error undoes only its own work. If SQLite itself ends the
    /// transaction (a full disk, say) or the commit fails, no job of the group is acknowledged.
    private static func commit(_ group: [Job], _ db: Database) {
        var answers: [@Sendable () -> Void] = []
        var refused: [Int: any Error] = [:]
        do {
            try db.inTransaction {
                if group.count == 1 {
                    answers.append(try group[0].run(db))
                    return .commit
                }
                for (index, job) in group.enumerated() {
                    do {
                        answers.append(try savepoint(job, db))
                    } catch {
                        refused[index] = error
                        guard db.isInsideTransaction else { throw error }
                    }
                }
                return .commit
            }
        } catch {
            for (index, job) in group.enumerated() { job.fail(refused[index] ?? error) }
            return
        }
        for answer in answers { answer() }
        for (index, error) in refused { group[index].fail(error) }
    }

    /// Runs one job of a group in its own savepoint, through cached statements: GRDB's `inSavepoint` prepares
    /// its statements again each time, two or three per job of every group.
    private static func savepoint(_ job: Job, _ db: Database) throws -> @Sendable () -> Void {
        try db.cachedStatement(sql: "SAVEPOINT groupCommitJob").execute()
        do {
            let answer = try job.run(db)
            try db.cachedStatement(sql: "RELEASE SAVEPOINT groupCommitJob").execute()
            return answer
        } catch {
            // Unless SQLite has ended the whole transaction, undo this job's work only.
            if db.isInsideTransaction {
                try db.cachedStatement(sql: "ROLLBACK TRANSACTION TO SAVEPOINT groupCommitJob").execute()
                try db.cachedStatement(sql: "RELEASE SAVEPOINT groupCommitJob").execute()
            }
            throw error
        }
    }
}

import GRDB
import Synchronization

/// Read-only connections of the registry's own for its one-statement reads (`Registry.readNow`).
///
/// GRDB's reader pool takes a connection through a dispatch queue and, before every read, asks SQLite for the
/// schema version, a read transaction of its own; for a point read that was most of the read, and the pool
/// was 29% of the signer's agreement page (`perf`, release build). Here a read takes an idle connection under
/// a lock and runs its one statement in autocommit, which sees the latest commit. The registry's schema only
/// changes when a server starts (its migrations run before these connections open), and SQLite prepares a
/// cached statement again by itself if it ever does change.
final class PointReaders: Sendable {
    private struct State {
        var idle: [DatabaseQueue] = []
        var closed = false
    }

    private let path: String
    private let keep: Int
    private let state = Mutex(State())

    init(path: String, keep: Int) {
        self.path = path
        self.keep = keep
    }

    func read<T>(_ body: (Database) throws -> T) throws -> T {
        let taken = try state.withLock { state in
            guard !state.closed else { throw DatabaseError(resultCode: .SQLITE_MISUSE, message: "Connection is closed") }
            return state.idle.popLast()
        }
        let connection = try taken ?? open()
        defer {
            let extra = state.withLock { state -> DatabaseQueue? in
                guard !state.closed, state.idle.count < keep else { return connection }
                state.idle.append(connection)
                return nil
            }
            try? extra?.close()
        }
        return try connection.inDatabase(body)
    }

    /// Closes the idle connections; a read after this fails as GRDB's closed pool does.
    func close() throws {
        let idle = state.withLock { state in
            state.closed = true
            defer { state.idle = [] }
            return state.idle
        }
        for connection in idle { try connection.close() }
    }

    private func open() throws -> DatabaseQueue {
        var configuration = DatabaseSetup.configuration(readonly: true)
        configuration.journalMode = .default
        return try DatabaseQueue(path: path, configuration: configuration)
    }
}

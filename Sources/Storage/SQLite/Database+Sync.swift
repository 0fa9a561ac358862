import GRDB

/// Short, hot reads stay on the calling thread, outside a transaction.
///
/// `try await pool.read` hops to GRDB's reader queue and back, and every `read` wraps its work in a
/// deferred transaction; for a single SELECT neither buys anything (one statement is atomic in SQLite) and
/// together they cost most of a small request (see the performance notes in DESIGN.md). So a point read
/// uses `unsafeRead` on the calling thread. Use it only for one statement; anything that reads twice and
/// relies on a consistent snapshot must use `read`.
extension DatabaseReader {
    package func readNow<T>(_ body: (Database) throws -> T) throws -> T {
        try unsafeRead(body)
    }
}

import GRDB

/// Short, hot reads stay on the calling thread.
///
/// `try await pool.read` hops to GRDB's reader queue and back, which costs most of a small request
/// (see the performance notes in DESIGN.md). A point read through a cached statement takes microseconds, so
/// it runs synchronously; these wrappers exist because in an `async` function Swift would otherwise pick
/// the async overload.
extension DatabasePool {
    package func readNow<T>(_ body: (Database) throws -> T) throws -> T {
        try read(body)
    }
}

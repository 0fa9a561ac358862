import NIOCore
import NIOPosix

/// Where Swift concurrency runs its jobs in `kp serve`: on the server's NIO event loops rather than on a
/// second pool of threads. Every request otherwise hopped from the event loop that read it to the pool that
/// ran the handler and back to write the answer; on two cores the hops were a third of a tenant read
/// (authenticated JSON read 8,190 → 12,830 req/s, measured in this change's note). Database work keeps its
/// own queues (GRDB), and nothing in the server blocks a thread waiting for a task, which such a takeover
/// would deadlock.
package enum GlobalExecutor {
    /// Installs the event loops as the global executor, once, before the server starts; false when the
    /// runtime does not allow it (the server then runs on the default pool, as before).
    @discardableResult
    package static func useEventLoops() -> Bool {
        NIOSingletons.unsafeTryInstallSingletonPosixEventLoopGroupAsConcurrencyGlobalExecutor()
    }
}

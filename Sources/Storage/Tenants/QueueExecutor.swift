#if os(Linux)
@preconcurrency import Dispatch
#else
import Dispatch
#endif

/// Runs an actor's jobs on a dispatch queue of its own. The server runs Swift concurrency on its NIO event
/// loops (`GlobalExecutor`); the tenant store's actor opens files (about half a millisecond of CPU each) one after another,
/// and on an event loop a run of opens stalled every connection of that loop: reads spread Zipf-like over
/// 1,000 tenants had a p99 of 1.39 s (measured). On a queue of its own, the opens wait for each other only.
final class QueueExecutor: SerialExecutor, @unchecked Sendable {
    private let queue: DispatchQueue

    init(label: String) { queue = DispatchQueue(label: label) }

    func enqueue(_ job: UnownedJob) {
        queue.async { job.runSynchronously(on: self.asUnownedSerialExecutor()) }
    }

    func asUnownedSerialExecutor() -> UnownedSerialExecutor { UnownedSerialExecutor(ordinary: self) }

    func checkIsolated() { dispatchPrecondition(condition: .onQueue(queue)) }
}

import Dispatch
import Domain
import Foundation

/// The checkpointer of `WALCheckpoints.background`: every open tenant whose WAL has grown past SQLite's own
/// threshold (1000 pages) is checkpointed from a connection of its own, on a queue of its own, while the
/// tenant's connection goes on serving. A PASSIVE checkpoint waits for no reader or writer; the WAL starts
/// over at the next write once every frame is back in the file.
extension TenantStore {
    /// The WAL size from which a file is checkpointed: SQLite's default, 1000 pages of 4 KiB.
    static let checkpointThreshold: Int64 = 1000 * 4096
    /// How often the open files' WALs are looked at (one `stat` each).
    static let checkpointInterval: Duration = .milliseconds(250)

    /// Until cancelled: checkpoints the open files whose WAL passed the threshold.
    nonisolated package func runCheckpoints() async {
        while !Task.isCancelled {
            try? await Task.sleep(for: Self.checkpointInterval)
            await checkpointLargeWALs()
        }
    }

    /// One round: each open tenant's WAL is measured, and the large ones are checkpointed under a lease, so
    /// the pool cannot be closed (or the file taken into maintenance) while its WAL is being moved.
    nonisolated package func checkpointLargeWALs() async {
        let open = state.withLock { Array($0.entries.keys) }
        for id in open {
            let path = directory.databasePath(for: id)
            var info = stat()
            guard stat(path + "-wal", &info) == 0, Int64(info.st_size) >= Self.checkpointThreshold else { continue }
            guard let lease = try? leaseIfOpen(id) else { continue }
            // A file no longer the pool's has its lease returned by the check itself.
            if let identity = lease.check, (try? isStillOpenFile(id, identity)) != true { continue }
            defer { finishLease(id, outcome: .noVerdict) }
            do {
                try await Self.checkpointOffThread(path, on: checkpointer)
            } catch {
                logger.warning(
                    "checkpoint failed", metadata: ["tenant": "\(id)", "error": "\(String(describing: error))"])
            }
        }
    }

    /// The checkpoint blocks its thread for milliseconds: never an event loop's.
    private static func checkpointOffThread(_ path: String, on queue: DispatchQueue) async throws {
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
            queue.async {
                do {
                    try DatabaseSetup.checkpoint(at: path)
                    continuation.resume()
                } catch {
                    continuation.resume(throwing: error)
                }
            }
        }
    }
}

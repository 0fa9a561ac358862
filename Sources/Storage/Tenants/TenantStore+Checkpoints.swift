import Dispatch
import Domain
import Foundation

/// The checkpointer of `WALCheckpoints.background`: every open tenant whose WAL has grown past SQLite's own
/// threshold (1000 frames, as the connection counts them: `WALFrameCount`) is checkpointed from a connection of
/// its own, on a queue of its own, while the tenant's connection goes on serving. A PASSIVE checkpoint waits for
/// no reader or writer; the WAL starts over at the next write once every frame is back in the file (see
/// `checkpoint(_:_:_:)` for the frames committed while it runs).
extension TenantStore {
    /// The WAL frames from which a file is checkpointed: SQLite's default, 1000 (of one 4 KiB page each).
    static let checkpointThreshold = 1000
    /// How often the open files' WAL frame counts are looked at.
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
        let open = state.withLock { $0.entries.compactMap { id, entry in entry.database.walFrames.map { (id, $0) } } }
        for (id, frames) in open where frames.current >= Self.checkpointThreshold {
            guard let lease = try? leaseIfOpen(id) else { continue }
            // A file no longer the pool's has its lease returned by the check itself.
            if let identity = lease.check, (try? isStillOpenFile(id, identity)) != true { continue }
            defer { finishLease(id, outcome: .noVerdict) }
            do {
                try await checkpoint(id, lease.database, frames)
            } catch {
                logger.warning(
                    "checkpoint failed", metadata: ["tenant": "\(id)", "error": "\(String(describing: error))"])
            }
        }
    }

    /// From this many frames, a WAL that the checkpointer could not catch up with is finished by the tenant's own
    /// connection: 32 MiB, below `DatabaseSetup.walSizeLimit`, so that starting over cuts nothing.
    static let finishThreshold = 8 * checkpointThreshold

    /// Moves the WAL into the file so that it can start over, which SQLite does only once every frame is in the
    /// file. The checkpointer's own connection copies the bulk, and then again what was committed meanwhile (its
    /// counts leave those out; the connection's count says whether there were any). When writes go on without a
    /// pause, neither pass gets to the end, and the WAL grew for as long as they went on (26,062 frames, 107 MB,
    /// after 300 leder overviews one at a time). So once it holds `finishThreshold` frames, the tenant's connection
    /// copies the rest itself, between two of its transactions (`TenantDatabase.finishCheckpoint`): a few frames and
    /// two syncs in the writers' way. Doing that at every round cost audited writes 4% of their rate and 3–4 ms of
    /// p99 (lab, two runs each); at this threshold it happens at most an eighth as often.
    private func checkpoint(_ id: TenantID, _ database: TenantDatabase, _ frames: WALFrameCount) async throws {
        for _ in 0..<2 {
            let done = try await Self.checkpointOffThread(directory.databasePath(for: id), on: checkpointer)
            if done.complete && frames.current == done.frames {
                frames.checkpointed(done.frames)
                return
            }
        }
        guard frames.current >= Self.finishThreshold else { return }
        let done = try await database.finishCheckpoint()
        if done.complete { frames.checkpointed(done.frames) }
    }

    /// The checkpoint blocks its thread for milliseconds: never an event loop's.
    private static func checkpointOffThread(_ path: String, on queue: DispatchQueue) async throws
        -> (frames: Int, complete: Bool)
    {
        try await withCheckedThrowingContinuation { continuation in
            queue.async {
                do {
                    continuation.resume(returning: try DatabaseSetup.checkpoint(at: path))
                } catch {
                    continuation.resume(throwing: error)
                }
            }
        }
    }
}

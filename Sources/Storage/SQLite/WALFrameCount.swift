import GRDBSQLite
import Synchronization

/// How many frames a tenant connection's WAL holds, as SQLite reports it after each commit
/// (`sqlite3_wal_hook`): what tells the store's checkpointer (`WALCheckpoints.background`) that a file has work,
/// and whether a checkpoint left anything behind.
///
/// The checkpointer used to read that from the size of the WAL file, so each connection had to cut its file back
/// (`journal_size_limit`) whenever the WAL started over. That `ftruncate` ran inside the commit of a request and
/// waited for the kernel (23–30 ms seen under strace in the benchmark). A count that SQLite hands over needs no
/// file system call, and the WAL file keeps its size to be written over.
package final class WALFrameCount: Sendable {
    private let frames = Atomic<Int>(0)

    package init() {}

    /// Frames in the WAL after the last commit on the connection.
    package var current: Int { frames.load(ordering: .relaxed) }

    /// A checkpoint moved every one of the `frames` frames the WAL held back into the file: there is no work
    /// left until the next commit (which starts the WAL over and reports its own count). A commit since the
    /// checkpoint has already replaced the count, and is left as it is.
    func checkpointed(_ frames: Int) {
        _ = self.frames.compareExchange(expected: frames, desired: 0, ordering: .relaxed)
    }

    /// Reports every commit of `connection` here, in place of SQLite's automatic checkpoint (which uses the
    /// same hook). The caller keeps `self` alive as long as the connection: the hook holds it unretained.
    func install(on connection: OpaquePointer) {
        sqlite3_wal_hook(
            connection,
            { context, _, _, frames in
                guard let context else { return SQLITE_OK }
                Unmanaged<WALFrameCount>.fromOpaque(context).takeUnretainedValue().frames
                    .store(Int(frames), ordering: .relaxed)
                return SQLITE_OK
            },
            Unmanaged.passUnretained(self).toOpaque())
    }
}

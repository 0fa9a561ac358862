import Foundation

/// Which file a path names now: its device and inode.
///
/// A connection keeps the file it opened even when the path moves on: a tenant folder removed under the
/// running server leaves its pool writing into an unlinked file whose writes vanish with the process, and a
/// file restored from a backup is a new inode the old pool never sees. Comparing identities notices both.
struct FileIdentity: Sendable, Equatable {
    let device: UInt64
    let inode: UInt64

    /// Nil when nothing is at `path`.
    init?(path: String) {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        device = UInt64(info.st_dev)
        inode = UInt64(info.st_ino)
    }
}

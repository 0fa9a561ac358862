import Foundation

/// A file's or folder's identity and version as `stat` gives them; a missing path has inode 0.
struct FileStamp: Equatable, Sendable {
    let path: String
    let inode: UInt64
    let size: Int64
    let seconds: Int
    let nanoseconds: Int
    let isFolder: Bool

    init(_ path: String) {
        self.path = path
        var info = stat()
        guard stat(path, &info) == 0 else {
            (inode, size, seconds, nanoseconds, isFolder) = (0, 0, 0, 0, false)
            return
        }
        inode = UInt64(info.st_ino)
        size = Int64(info.st_size)
        seconds = Int(info.st_mtim.tv_sec)
        nanoseconds = Int(info.st_mtim.tv_nsec)
        isFolder = info.st_mode & S_IFMT == S_IFDIR
    }
}

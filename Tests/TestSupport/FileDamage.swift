import Foundation

/// What can happen to a tenant's file behind the server's back, done to a real file.
package enum FileDamage {
    /// Overwrites the 100-byte SQLite header, as a disk error or a stray write would: SQLite then refuses
    /// the file as not a database (`SQLITE_NOTADB`).
    package static func overwriteHeader(of path: String) throws {
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        defer { try? handle.close() }
        try handle.write(contentsOf: Data(repeating: 0x42, count: 100))
    }
}

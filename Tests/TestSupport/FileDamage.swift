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

    /// Sets or clears the file's immutable attribute (`chattr +i`): then nobody, root included, may open it
    /// for writing, and SQLite opens it read-only without saying so, as it does a file whose permissions,
    /// owner or mount forbid writing. (Root ignores permission bits, and tests run as root in CI.)
    package static func setImmutable(_ path: String, _ immutable: Bool) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["chattr", immutable ? "+i" : "-i", path]
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw FileDamageError.chattrFailed(path) }
    }

    /// Whether `setImmutable` works here: it needs `chattr`, the right to set the attribute (root) and a
    /// file system that keeps it (ext4, xfs, btrfs; not tmpfs or most overlays).
    package static let canMakeImmutable: Bool = {
        let probe = FileManager.default.temporaryDirectory.appendingPathComponent("kp-immutable-\(UUID().uuidString)")
        guard FileManager.default.createFile(atPath: probe.path, contents: Data()) else { return false }
        defer { try? FileManager.default.removeItem(at: probe) }
        guard (try? setImmutable(probe.path, true)) != nil else { return false }
        return (try? setImmutable(probe.path, false)) != nil
    }()
}

package enum FileDamageError: Error {
    case chattrFailed(String)
}

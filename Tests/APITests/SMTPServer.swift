import Foundation

/// A real SMTP server for tests: aiosmtpd (PyPI) on a loopback port, storing what it receives in a maildir
/// (a folder that must not exist yet: aiosmtpd creates it with its `new`, `cur` and `tmp`).
final class SMTPServer: @unchecked Sendable {
    let port: Int
    let maildir: URL
    private let process: Process

    /// aiosmtpd is installed (CI installs it; `pip install aiosmtpd` locally).
    static var isAvailable: Bool { InstalledTool.succeeds(["python3", "-c", "import aiosmtpd"]) }

    static var required: Bool { isAvailable || ProcessInfo.processInfo.environment["CI"] == "true" }

    init(maildir: URL, port: Int = Int.random(in: 20_000..<40_000)) async throws {
        self.maildir = maildir
        self.port = port
        process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [
            "python3", "-m", "aiosmtpd", "-n", "-l", "127.0.0.1:\(port)", "-c", "aiosmtpd.handlers.Mailbox", maildir.path,
        ]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        // Wait until it accepts connections (at most 10 s).
        for _ in 0..<100 {
            if Self.accepts(port: port) { return }
            try await Task.sleep(for: .milliseconds(100))
        }
        stop()
        throw SMTPServerError.didNotStart
    }

    /// SIGKILL without waiting: aiosmtpd may linger on SIGTERM, and `waitUntilExit` spins on Linux.
    func stop() {
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
    }

    deinit { stop() }

    private static func accepts(port: Int) -> Bool {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        return withUnsafePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0
            }
        }
    }
}

enum SMTPServerError: Error { case didNotStart }

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

    /// Plain SMTP, no TLS and no AUTH: `python3 -m aiosmtpd`.
    convenience init(maildir: URL, port: Int = Int.random(in: 20_000..<40_000)) async throws {
        try await self.init(
            maildir: maildir, port: port,
            arguments: [
                "python3", "-m", "aiosmtpd", "-n", "-l", "127.0.0.1:\(port)", "-c", "aiosmtpd.handlers.Mailbox",
                maildir.path,
            ])
    }

    /// A relay as production has them (`Tests/Tools/smtp_relay.py`): with a certificate, STARTTLS is required
    /// and AUTH offered only after it; with a user, AUTH is required. Each AUTH attempt is logged to `authLog`.
    convenience init(
        relayInto maildir: URL, certificate: TestCertificate?, user: String?, password: String?, authLog: URL,
        port: Int = Int.random(in: 20_000..<40_000)
    ) async throws {
        var arguments = [
            "python3", Self.tools.appendingPathComponent("smtp_relay.py").path, "--port", "\(port)", "--maildir",
            maildir.path, "--auth-log", authLog.path,
        ]
        if let certificate { arguments += ["--cert", certificate.certificate.path, "--key", certificate.key.path] }
        if let user { arguments += ["--user", user] }
        try await self.init(
            maildir: maildir, port: port, arguments: arguments,
            environment: password.map { ["SMTP_RELAY_PASSWORD": $0] } ?? [:])
    }

    /// `Tests/Tools`: the helper scripts the tests run.
    static let tools = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Tools", isDirectory: true)

    private init(maildir: URL, port: Int, arguments: [String], environment: [String: String] = [:]) async throws {
        self.maildir = maildir
        self.port = port
        process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
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

/// A self-signed certificate for 127.0.0.1 and localhost, made by the `openssl` command line for one test.
struct TestCertificate {
    let certificate: URL
    let key: URL

    init(in folder: URL) throws {
        certificate = folder.appendingPathComponent("relay-cert.pem")
        key = folder.appendingPathComponent("relay-key.pem")
        let openssl = Process()
        openssl.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        openssl.arguments = [
            "openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key.path, "-out", certificate.path,
            "-days", "1", "-subj", "/CN=localhost", "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1",
        ]
        openssl.standardOutput = FileHandle.nullDevice
        openssl.standardError = FileHandle.nullDevice
        try openssl.run()
        openssl.waitUntilExit()
        guard openssl.terminationStatus == 0 else { throw SMTPServerError.didNotStart }
    }
}

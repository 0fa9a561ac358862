import Foundation
import Storage
import TestSupport

/// A real S3-compatible server for tests: moto's server mode (PyPI `moto[server]`) on a loopback port, with
/// one bucket. Litestream reaches it with any key pair (`AWS_ACCESS_KEY_ID`, `AWS_SECRET_ACCESS_KEY`).
final class S3Server: @unchecked Sendable {
    let port: Int
    let bucket = "kp-backup"
    private let process: Process

    static var isAvailable: Bool { InstalledTool.succeeds(["python3", "-c", "import moto.server, boto3"]) }
    static var required: Bool { isAvailable || ProcessInfo.processInfo.environment["CI"] == "true" }

    var endpoint: String { "http://127.0.0.1:\(port)" }

    init(port: Int = Int.random(in: 18250...18259)) async throws {
        self.port = port
        process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-m", "moto.server", "-H", "127.0.0.1", "-p", "\(port)"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        for _ in 0..<100 {
            if InstalledTool.succeeds([
                "python3", "-c",
                "import boto3; boto3.client('s3', endpoint_url='\(endpoint)', aws_access_key_id='test', "
                    + "aws_secret_access_key='test', region_name='us-east-1').create_bucket(Bucket='\(bucket)')",
            ]) {
                return
            }
            try await Task.sleep(for: .milliseconds(200))
        }
        stop()
        throw SMTPServerError.didNotStart
    }

    /// The `litestream` the S3 tests run: a script that gives Litestream a key pair and no `AWS_CA_BUNDLE` (set
    /// on some machines; Litestream's S3 client refuses it with a plain-http endpoint), then runs the real one.
    /// Setting these in the test process's own environment raced with the other tests that start processes at
    /// the same moment: `Process.run` copies the environment, and crashed in it.
    static func litestreamWrapper(in folder: TemporaryFolder) throws -> String {
        let real = try Litestream(path: "litestream").executable
        let path = folder.url.appendingPathComponent("litestream").path
        let script = """
            #!/bin/sh
            unset AWS_CA_BUNDLE
            export AWS_ACCESS_KEY_ID=test AWS_SECRET_ACCESS_KEY=test
            exec '\(real)' "$@"

            """
        try Data(script.utf8).write(to: URL(fileURLWithPath: path))
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: path)
        return path
    }

    func stop() {
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
    }

    deinit { stop() }
}

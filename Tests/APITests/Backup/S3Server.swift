import Foundation

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

    /// Litestream's S3 client refuses a custom CA bundle with a plain-http endpoint (`AWS_CA_BUNDLE`, set on
    /// some machines), and needs some key pair: the environment the tests run Litestream with.
    static func prepareEnvironment() {
        unsetenv("AWS_CA_BUNDLE")
        setenv("AWS_ACCESS_KEY_ID", "test", 1)
        setenv("AWS_SECRET_ACCESS_KEY", "test", 1)
    }

    func stop() {
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
    }

    deinit { stop() }
}

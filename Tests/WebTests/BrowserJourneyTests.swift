import Foundation
import Testing

/// The signer's journey in a real headless Chromium (Tests/Browser/run and journey.py): support names Oslo's
/// signer, the signer follows the e-mail link, logs in at level 3 and then 4, signs, support countersigns,
/// /avtaler shows Oslo in force, and the sealed file checks out on /verifiser; a virksomhet registers and
/// support approves it, then support's other console pages; axe-core on every page.
/// Required in CI (`CI=true`); skipped locally when Chromium, its driver or the Python packages are missing.
@Suite(.serialized) struct BrowserJourneyTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// What the journey needs that is not ours: Debian's chromium and chromium-driver, PyPI's selenium and
    /// axe-selenium-python. Nil when all are there.
    static let missing: String? = {
        var missing: [String] = []
        for program in ["chromium", "chromedriver"] where run(["which", program]) != 0 { missing.append(program) }
        if run(["python3", "-c", "import selenium, axe_selenium_python"]) != 0 {
            missing.append("selenium, axe-selenium-python")
        }
        return missing.isEmpty ? nil : missing.joined(separator: ", ")
    }()

    static var required: Bool { missing == nil || ProcessInfo.processInfo.environment["CI"] == "true" }

    @Test(
        .enabled(
            if: required,
            "needs chromium and chromium-driver (apt-get install chromium chromium-driver) and pip install selenium axe-selenium-python"
        ),
        .timeLimit(.minutes(10)))
    func theSignersJourneyWorksInARealBrowserWithoutSeriousAccessibilityViolations() async throws {
        if let missing = Self.missing {
            Issue.record("CI requires the browser journey, but these are missing: \(missing)")
            return
        }
        let kp = try #require(Self.kpBinary, "no kp binary next to the tests or in .build/debug")
        let log = FileManager.default.temporaryDirectory.appendingPathComponent("web-journey-\(UUID().uuidString).log")
        defer { try? FileManager.default.removeItem(at: log) }
        let status = await Self.runToEnd(
            [Self.root.appendingPathComponent("Tests/Browser/run").path], environment: ["KP_BINARY": kp.path],
            output: log)
        let output = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
        #expect(status == 0, "the browser journey failed:\n\(output.suffix(6000))")
        #expect(output.contains("journey passed"))
    }

    /// The `kp` executable of this build: beside the test bundle, or in `.build/debug`.
    static var kpBinary: URL? {
        let besideTests = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        let candidates = [
            besideTests.appendingPathComponent("kp"),
            besideTests.deletingLastPathComponent().appendingPathComponent("kp"),
            root.appendingPathComponent(".build/debug/kp"),
        ]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }

    /// Runs a short check to its end (`which`, `python3 -c`).
    static func run(_ arguments: [String]) -> Int32 {
        let process = configured(arguments, environment: [:], output: nil)
        do { try process.run() } catch { return -1 }
        process.waitUntilExit()
        return process.terminationStatus
    }

    /// Runs the journey and waits without spinning (`waitUntilExit` polls on Linux).
    static func runToEnd(_ arguments: [String], environment: [String: String], output: URL) async -> Int32 {
        let process = configured(arguments, environment: environment, output: output)
        return await withCheckedContinuation { continuation in
            process.terminationHandler = { continuation.resume(returning: $0.terminationStatus) }
            do {
                try process.run()
            } catch {
                process.terminationHandler = nil
                continuation.resume(returning: -1)
            }
        }
    }

    private static func configured(_ arguments: [String], environment: [String: String], output: URL?) -> Process {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
        process.currentDirectoryURL = root
        if let output, FileManager.default.createFile(atPath: output.path, contents: nil),
            let handle = try? FileHandle(forWritingTo: output)
        {
            process.standardOutput = handle
            process.standardError = handle
        } else {
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
        }
        return process
    }
}

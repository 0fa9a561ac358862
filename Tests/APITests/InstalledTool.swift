import Foundation

/// Whether a tool the tests start (aiosmtpd, schemathesis) is installed: the command runs and succeeds.
enum InstalledTool {
    static func succeeds(_ arguments: [String]) -> Bool {
        let check = Process()
        check.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        check.arguments = arguments
        check.standardOutput = FileHandle.nullDevice
        check.standardError = FileHandle.nullDevice
        guard (try? check.run()) != nil else { return false }
        check.waitUntilExit()
        return check.terminationStatus == 0
    }
}

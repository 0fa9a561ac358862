import Engine
import Foundation

extension PlatformCaller {
    /// The operator running `kp` at the server's shell, as every platform operation of the engine takes them.
    static var shell: PlatformCaller { PlatformCaller(operator: ProcessInfo.processInfo.environment["USER"] ?? "unknown") }
}

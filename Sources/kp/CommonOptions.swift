import API
import ArgumentParser
import Foundation
import Logging

/// Options every command shares: which configuration, and whether to run on the embedded demo defaults.
struct CommonOptions: ParsableArguments {
    @Option(name: .long, help: "Configuration file (default: Config/default.json, or Config/demo.json with --demo).")
    var config: String?

    @Flag(name: .long, help: "Embedded demo defaults: development issuer on, secrets generated under Tenants/_dev.")
    var demo = false

    func loadConfiguration() throws -> AppConfiguration {
        let path = config ?? (demo ? "Config/demo.json" : "Config/default.json")
        let url = URL(fileURLWithPath: path)
        let file = FileManager.default.fileExists(atPath: url.path) || config != nil ? url : nil
        var configuration = try AppConfiguration.load(file: file, environment: ProcessInfo.processInfo.environment)
        if demo {
            configuration.devIssuer.enabled = true
            configuration.login.enabled = true
        }
        return configuration
    }

    func makeServices(logLevel: Logger.Level? = nil) throws -> AppServices {
        let configuration = try loadConfiguration()
        let folder = URL(fileURLWithPath: configuration.tenants.directory).appendingPathComponent("_dev")
        let secrets = try AppSecrets.load(
            environment: ProcessInfo.processInfo.environment, configuration: configuration,
            demoFolder: demo ? folder : nil)
        var logger = Logger(label: "kp")
        logger.logLevel = logLevel ?? Logger.Level(rawValue: configuration.log.level) ?? .info
        return try AppServices(configuration: configuration, secrets: secrets, logger: logger)
    }
}

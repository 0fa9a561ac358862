import API
import ArgumentParser
import Domain
import Engine
import Foundation
import Logging
import Storage

/// Options every command shares: which configuration, and whether to run on the embedded demo defaults.
struct CommonOptions: ParsableArguments {
    @Option(name: .long, help: "Configuration file (default: Config/default.json, or Config/demo.json with --demo).")
    var config: String?

    @Flag(name: .long, help: "Embedded demo defaults: development issuer on, secrets generated under Tenants/_dev.")
    var demo = false

    @Option(
        name: .customLong("operator"),
        help: "Who you are, recorded with every change (default: KP_OPERATOR; required outside --demo).")
    var operatorName: String?

    /// The operator (`cli:NAME`) the engine records with the changes a command makes. Called before anything
    /// is opened, so that a command refused for want of an operator leaves every file as it was.
    func caller() async throws -> PlatformCaller {
        try await Console.reporting {
            PlatformCaller(
                operator: try OperatorIdentity.resolve(
                    option: operatorName, environment: ProcessInfo.processInfo.environment, demo: demo
                ).name)
        }
    }

    /// The operator of a command that only reads: named when they can be, never refused (nothing is recorded).
    var reader: PlatformCaller {
        let identity = try? OperatorIdentity.resolve(
            option: operatorName, environment: ProcessInfo.processInfo.environment, demo: demo)
        return PlatformCaller(operator: identity?.name ?? "reader")
    }

    /// `arguments`: settings given as command-line options, by key (`http.port`); they win over everything.
    func loadConfiguration(arguments: [String: String] = [:]) throws -> AppConfiguration {
        let path = config ?? (demo ? "Config/demo.json" : "Config/default.json")
        let url = URL(fileURLWithPath: path)
        let file = FileManager.default.fileExists(atPath: url.path) || config != nil ? url : nil
        return try AppConfiguration.load(
            file: file, environment: ProcessInfo.processInfo.environment, demo: demo, arguments: arguments)
    }

    func makeServices(
        logLevel: Logger.Level? = nil, arguments: [String: String] = [:], serving: Bool = false
    ) throws -> AppServices {
        let configuration = try loadConfiguration(arguments: arguments)
        let folder = URL(fileURLWithPath: configuration.tenants.directory).appendingPathComponent("_dev")
        let secrets = try AppSecrets.load(
            environment: ProcessInfo.processInfo.environment, configuration: configuration,
            demoFolder: demo ? folder : nil)
        var logger = Logger(label: "kp")
        logger.logLevel = logLevel ?? Logger.Level(rawValue: configuration.log.level) ?? .info
        return try AppServices(
            configuration: configuration, secrets: secrets, logger: logger, tenantSchema: try Self.tenantSchema(),
            checkpointsInBackground: serving)
    }

    /// Names a test-only tenant migration that every command adds to this binary's schema, for the tests
    /// and the migration benchmark only (`TenantSchema.testing`); never set it on data you keep: a binary
    /// without it refuses the files it migrated.
    static let testMigrationVariable = "KP_TEST_TENANT_MIGRATION"

    static func tenantSchema() throws -> TenantSchema {
        guard let name = ProcessInfo.processInfo.environment[testMigrationVariable], !name.isEmpty else {
            return .current
        }
        return try TenantSchema.testing(name)
    }
}

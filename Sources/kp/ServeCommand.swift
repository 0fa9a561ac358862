import API
import ArgumentParser
import Foundation
import Hummingbird
import Logging

/// `kp serve`: runs the HTTP server until SIGINT or SIGTERM, then shuts down gracefully.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "serve", abstract: "Run the HTTP server.")

    @OptionGroup var options: CommonOptions

    @Option(help: "Override http.host.") var host: String?
    @Option(help: "Override http.port.") var port: Int?

    func run() async throws {
        // Given to the loader rather than set afterwards, so the URLs derived from them follow.
        var arguments: [String: String] = [:]
        if let host { arguments["http.host"] = host }
        if let port { arguments["http.port"] = String(port) }
        let services = try options.makeServices(arguments: arguments, serving: true)
        _ = try await Console.reporting { try services.checkTenantSchemas() }
        let level = Logger.Level(rawValue: services.configuration.log.level) ?? .info
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardOutput(label: label)
            handler.logLevel = level
            return handler
        }
        if options.demo {
            let http = services.configuration.http
            // `kp dev token` must derive the same issuer URL, so it needs the same port.
            let token = http.port == AppConfiguration.HTTP().port ? "" : "KP_HTTP_PORT=\(http.port) "
            FileHandle.standardError.write(
                Data(
                    """
                    Demo mode: development token issuer at \(services.configuration.devIssuer.issuer)
                      a LIS token:      \(token)swift run kp dev token --demo
                      a support token:  \(token)swift run kp dev token --demo --support
                      HelseID login:    http://\(http.host):\(http.port)/auth/login
                      e-mail:           .eml files in \(services.configuration.tenants.directory)/_mail

                    """.utf8))
        }
        if !GlobalExecutor.useEventLoops() {
            services.logger.warning("Swift concurrency keeps its own thread pool: the event loops could not take over")
        }
        let app = try buildApplication(services: services)
        try await app.runService()
    }
}

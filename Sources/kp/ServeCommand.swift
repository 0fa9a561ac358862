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
        var services = try options.makeServices()
        let level = Logger.Level(rawValue: services.configuration.log.level) ?? .info
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardOutput(label: label)
            handler.logLevel = level
            return handler
        }
        if host != nil || port != nil {
            var configuration = services.configuration
            if let host { configuration.http.host = host }
            if let port { configuration.http.port = port }
            services = services.with(configuration: configuration)
        }
        if options.demo {
            FileHandle.standardError.write(
                Data(
                    """
                    Demo mode: development token issuer at \(services.configuration.devIssuer.issuer)
                      a LIS token:      swift run kp dev token --demo
                      a support token:  swift run kp dev token --demo --support
                      HelseID login:    http://\(services.configuration.http.host):\(services.configuration.http.port)/auth/login
                      e-mail:           .eml files in \(services.configuration.tenants.directory)/_mail

                    """.utf8))
        }
        let app = try buildApplication(services: services)
        try await app.runService()
    }
}

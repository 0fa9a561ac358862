import API
import ArgumentParser
import Foundation
import Identity

/// `kp dev …`: helpers for development and demos.
struct DevCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dev", abstract: "Development helpers.", subcommands: [Token.self, SeedCommand.self])

    struct Token: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print a token from the development issuer (HelseID-shaped claims).")
        @OptionGroup var options: CommonOptions
        @Option(help: "Subject (sub).") var sub: String = "dev-lis-1"
        @Option(help: "National identity number claim (a test number).") var pid: String = "02013299997"
        @Option(help: "Name.") var name: String = "Lise Lege"
        @Option(help: "HPR number.") var hpr: String?
        @Option(help: "Security level (3 or 4).") var level: Int = 4
        @Option(help: "Lifetime in seconds.") var lifetime: Int = 3600
        @Option(help: "Audience (default: the issuer's configured audience).") var audience: String?
        @Flag(help: "A token for the first support subject in the configuration.") var support = false

        func run() async throws {
            let services = try options.makeServices(logLevel: .warning)
            guard let issuer = services.developmentIssuer else {
                throw ValidationError("the development issuer is disabled (use --demo or devIssuer.enabled)")
            }
            var request = DevelopmentTokenRequest(
                subject: sub, pid: pid, name: name, hprNumber: hpr, securityLevel: level,
                lifetime: TimeInterval(lifetime), audience: audience)
            if support {
                guard let subject = services.configuration.auth.supportSubjects.first else {
                    throw ValidationError("no support subject is configured (auth.supportSubjects)")
                }
                request.subject = subject
                request.name = "Brukerstøtte"
                request.pid = "30108299920"
            }
            print(try await issuer.mint(request, at: Date()))
        }
    }
}

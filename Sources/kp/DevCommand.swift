import API
import ArgumentParser
import Domain
import Foundation
import Identity

/// `kp dev …`: helpers for development and demos.
struct DevCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dev", abstract: "Development helpers.", subcommands: [Token.self, SeedCommand.self])

    struct Token: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print a token from the development issuer (HelseID-shaped claims).",
            discussion: "The demo persons (--as):\n" + DemoPerson.all.map(\.helpLine).joined(separator: "\n"))
        @OptionGroup var options: CommonOptions
        @Option(
            name: .customLong("as"),
            help: ArgumentHelp(
                "The demo person (see below); --sub, --pid, --name, --hpr change one claim.", valueName: "person"))
        var person: DemoPerson = .lis
        @Option(help: "Subject (sub).") var sub: String?
        @Option(help: "National identity number claim (a test number).") var pid: String?
        @Option(help: "Name.") var name: String?
        @Option(help: "HPR number.") var hpr: String?
        @Option(help: "Security level (3 or 4).") var level: Int = 4
        @Option(help: "Lifetime in seconds.") var lifetime: Int = 3600
        @Option(help: "Audience (default: the issuer's configured audience).") var audience: String?
        @Flag(help: "The same as --as support.") var support = false

        func run() async throws {
            let services = try options.makeServices(logLevel: .warning)
            guard let issuer = services.developmentIssuer else {
                throw ValidationError("the development issuer is disabled (use --demo or devIssuer.enabled)")
            }
            let person = support ? DemoPerson.support : person
            var request = person.tokenRequest
            request.subject = sub ?? request.subject
            if person.role == .support {
                // Another configuration may name other support staff: act as the first of them.
                let subjects = services.configuration.auth.supportSubjects
                guard let first = subjects.first else {
                    throw ValidationError("no support subject is configured (auth.supportSubjects)")
                }
                if sub == nil, !subjects.contains(request.subject) { request.subject = first }
            }
            request.pid = pid ?? request.pid
            request.name = name ?? request.name
            request.hprNumber = hpr ?? request.hprNumber
            request.securityLevel = level
            request.lifetime = TimeInterval(lifetime)
            request.audience = audience
            print(try await issuer.mint(request, at: Date()))
        }
    }
}

extension DemoPerson: ExpressibleByArgument {
    public init?(argument: String) {
        guard let person = DemoPerson.named(argument) else { return nil }
        self = person
    }

    public var defaultValueDescription: String { id }

    public static var allValueStrings: [String] { all.map(\.id) }

    /// `  leder         Lars Leder (leder)` for the command's help.
    var helpLine: String {
        "  " + id.padding(toLength: 14, withPad: " ", startingAt: 0) + "\(name) (\(role.norwegianName))"
    }
}

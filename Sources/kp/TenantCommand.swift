import API
import ArgumentParser
import Domain
import Foundation
import Engine

/// `kp tenant …`: support operations on the registry, run against the files directly.
///
/// A server running on the same files sees these changes within `tenants.registryCacheSeconds`.
struct TenantCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tenant", abstract: "Register, provision, suspend and resume tenants (they open by countersigning: kp agreement).",
        subcommands: [List.self, Create.self, Provision.self, Suspend.self, Resume.self])

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List tenants with their status.")
        @OptionGroup var options: CommonOptions
        @Option(help: "Only this status (registered, agreementPending, active, suspended, terminated).")
        var status: String?
        @Option(help: "Only this kind (kommune, virksomhet).") var kind: String?

        func run() async throws {
            let services = try options.makeServices(logLevel: .warning)
            let status = try status.map { raw in
                guard let value = TenantStatus(rawValue: raw) else { throw ValidationError("unknown status '\(raw)'") }
                return value
            }
            let kind = try kind.map { raw in
                guard let value = TenantKind(rawValue: raw) else { throw ValidationError("unknown kind '\(raw)'") }
                return value
            }
            let tenants = try await Console.reporting {
                try services.engine.support.tenants(status: status, kind: kind, kommunenummer: nil, by: options.reader)
            }
            for tenant in tenants { print(Self.line(tenant)) }
            print("\(tenants.count) tenant(s)")
        }

        static func line(_ tenant: Tenant) -> String {
            let number = tenant.organisationNumber?.rawValue ?? "-"
            let file = tenant.isProvisioned ? "provisioned" : "no database"
            return "\(tenant.id.rawValue.padding(toLength: 24, withPad: " ", startingAt: 0)) "
                + "\(tenant.kind.rawValue.padding(toLength: 10, withPad: " ", startingAt: 0)) "
                + "\(tenant.status.rawValue.padding(toLength: 16, withPad: " ", startingAt: 0)) "
                + "\(number.padding(toLength: 9, withPad: " ", startingAt: 0))  \(file)  \(tenant.name)"
        }
    }

    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Register a private or ideell virksomhet.")
        @OptionGroup var options: CommonOptions
        @Option(help: "Tenant id: lower-case letters, digits and hyphens.") var id: String
        @Option(name: .customLong("orgnr"), help: "Organisation number (9 digits, mod-11).") var organisationNumber: String
        @Option(help: "Name of the virksomhet.") var name: String

        func run() async throws {
            let caller = try await options.caller()
            let services = try options.makeServices(logLevel: .warning)
            let tenant = try await Console.reporting {
                try await services.engine.support.createVirksomhet(
                    id: id, organisationNumber: organisationNumber, name: name, by: caller)
            }
            print("created: " + List.line(tenant))
        }
    }

    struct Provision: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Create the tenant's database from the template.")
        @OptionGroup var options: CommonOptions
        @Argument(help: "Tenant id.") var id: String

        func run() async throws {
            let caller = try await options.caller()
            let services = try options.makeServices(logLevel: .warning)
            let tenant = try await Console.reporting {
                try await services.engine.support.provision(id, by: caller)
            }
            print("provisioned: " + List.line(tenant))
        }
    }

    struct Suspend: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Close an active tenant for a while.")
        @OptionGroup var options: CommonOptions
        @Argument(help: "Tenant id.") var id: String
        func run() async throws { try await TenantCommand.transition(.suspend, id, options) }
    }

    struct Resume: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Reopen a suspended tenant.")
        @OptionGroup var options: CommonOptions
        @Argument(help: "Tenant id.") var id: String
        func run() async throws { try await TenantCommand.transition(.resume, id, options) }
    }

    static func transition(_ transition: TenantTransition, _ id: String, _ options: CommonOptions) async throws {
        let caller = try await options.caller()
        let services = try options.makeServices(logLevel: .warning)
        let tenant = try await Console.reporting {
            try await services.engine.support.apply(transition, to: id, by: caller)
        }
        print("\(transition.rawValue): " + List.line(tenant))
    }
}

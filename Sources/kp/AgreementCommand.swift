import API
import ArgumentParser
import Domain
import Engine
import Foundation
import Storage

/// `kp agreement …`: support's side of the databehandleravtale, run against the files directly.
struct AgreementCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "agreement", abstract: "Signers, paper agreements, countersigning, termination, seals.",
        subcommands: [
            List.self, InviteAdministrator.self, Paper.self, Countersign.self, Unsigned.self, Terminate.self,
            ReturnData.self, DeleteData.self, Registrations.self, Approve.self, Reject.self, Verify.self, SealKey.self,
        ])

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Agreements awaiting countersignature, or every agreement of one tenant.")
        @OptionGroup var options: CommonOptions
        @Option(help: "Only this tenant (all its agreements).") var tenant: String?

        func run() async throws {
            let services = try options.makeServices(logLevel: .warning)
            let rows = try await Console.reporting {
                if let tenant {
                    try services.engine.agreements.agreements(of: try TenantID(tenant), by: options.reader)
                } else {
                    try services.engine.agreements.awaitingCountersignature(by: options.reader)
                }
            }
            for row in rows { print(Self.line(row)) }
            print("\(rows.count) agreement(s)")
        }

        static func line(_ stored: StoredAgreement) -> String {
            let agreement = stored.agreement
            return [
                agreement.id.lowercasedText, agreement.tenantID.rawValue, agreement.templateVersion,
                agreement.state.rawValue, agreement.channel.rawValue, agreement.signature.name,
                agreement.countersignature?.name ?? "-",
            ].joined(separator: "\t")
        }
    }

    struct InviteAdministrator: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "invite-admin", abstract: "Name the tenant's signer; they get an e-mail with a link.")
        @OptionGroup var options: CommonOptions
        @Argument(help: "Tenant id.") var tenant: String
        @Option(help: "The signer's name.") var name: String
        @Option(help: "The signer's e-mail.") var email: String
        @Option(name: .customLong("orgnr"), help: "A kommune's organisation number, if the registry has none.")
        var organisationNumber: String?
        @Option(help: "A kommune's legal name, as the agreement names the party (default: '<name> kommune').")
        var legalName: String?

        func run() async throws {
            let caller = try await options.caller()
            let services = try options.makeServices(logLevel: .warning)
            let invitation = try await Console.reporting {
                try await services.engine.agreements.inviteAdministrator(
                    try TenantID(tenant), name: name, email: email, organisationNumber: organisationNumber,
                    legalName: legalName,
                    by: caller)
            }
            print("invited \(invitation.email) for \(tenant); the e-mail is in the outbox (expires \(invitation.expiresAt.formatted(.iso8601)))")
        }
    }

    struct Paper: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Register a scanned, signed paper agreement (PDF).")
        @OptionGroup var options: CommonOptions
        @Argument(help: "Tenant id.") var tenant: String
        @Argument(help: "The scanned agreement (PDF).") var file: String
        @Option(help: "Template version signed.") var version: String
        @Option(help: "Who signed for the tenant.") var signer: String

        func run() async throws {
            let caller = try await options.caller()
            let services = try options.makeServices(logLevel: .warning)
            let stored = try await Console.reporting {
                let data = try Data(contentsOf: URL(fileURLWithPath: file))
                return try await services.engine.agreements.registerPaper(
                    try TenantID(tenant), templateVersion: version, signerName: signer, pdf: Array(data),
                    by: caller)
            }
            print("registered: " + List.line(stored))
        }
    }

    struct Countersign: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Countersign and seal; the tenant opens.")
        @OptionGroup var options: CommonOptions
        @Argument(help: "Agreement id.") var agreement: String
        @Option(help: "Your name, as it appears on the countersignature.") var name: String

        func run() async throws {
            let caller = try await options.caller()
            let services = try options.makeServices(logLevel: .warning)
            let stored = try await Console.reporting {
                guard let id = UUID(uuidString: agreement) else { throw RequestError.invalidParameter("agreement") }
                return try await services.engine.agreements.countersign(id, name: name, by: caller)
            }
            print("countersigned: " + List.line(stored))
        }
    }

    struct Unsigned: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Tenants with an agreement in force that have not signed a version (default: current).")
        @OptionGroup var options: CommonOptions
        @Option(help: "Template version.") var version: String?

        func run() async throws {
            let services = try options.makeServices(logLevel: .warning)
            let requested = version
            let (chosen, rows) = try await Console.reporting {
                try services.engine.agreements.tenantsNotOnVersion(requested, by: options.reader)
            }
            for row in rows { print("\(row.tenant.id.rawValue)\t\(row.inForce)\t\(row.tenant.name)") }
            print("\(rows.count) tenant(s) have not signed \(chosen)")
        }
    }

    struct Terminate: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Terminate a tenant's agreement with a notice date.")
        @OptionGroup var options: CommonOptions
        @Argument(help: "Tenant id.") var tenant: String
        @Option(help: "yyyy-MM-dd: the day the tenant closes to users.") var noticeDate: String
        @Option(help: "Why.") var reason: String?
        @Flag(help: "On the controller's written instruction (otherwise: by the platform).") var byController = false

        func run() async throws {
            let caller = try await options.caller()
            let services = try options.makeServices(logLevel: .warning)
            let result = try await Console.reporting {
                try await services.engine.agreements.terminate(
                    try TenantID(tenant), noticeDate: noticeDate, reason: reason,
                    onControllersInstruction: byController, by: caller)
            }
            print("terminated: \(result.id.rawValue) closes \(result.closesAt?.isoDay ?? "-")")
        }
    }

    struct ReturnData: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "return-data", abstract: "Export a closed tenant's data and seal a return statement.")
        @OptionGroup var options: CommonOptions
        @Argument(help: "Tenant id.") var tenant: String

        func run() async throws {
            let caller = try await options.caller()
            let services = try options.makeServices(logLevel: .warning)
            let sealed = try await Console.reporting {
                try await services.engine.agreements.returnData(try TenantID(tenant), by: caller)
            }
            print(sealed.fileText)
        }
    }

    struct DeleteData: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "delete-data", abstract: "Delete a closed tenant's database and exports; seal a statement.")
        @OptionGroup var options: CommonOptions
        @Argument(help: "Tenant id.") var tenant: String
        @Option(
            help: "How many LIS have not downloaded their sealed record (run without it to see the number); deletion cannot be undone.")
        var confirmNotTaken: Int?

        func run() async throws {
            let caller = try await options.caller()
            let services = try options.makeServices(logLevel: .warning)
            let id = try await Console.reporting { try TenantID(tenant) }
            guard let confirmNotTaken else {
                let check = try await Console.reporting { try await services.engine.agreements.deletionCheck(id, by: caller) }
                print(
                    "\(check.notTaken) of \(check.trainees) LIS have not downloaded their sealed record since the termination; "
                        + "delete with --confirm-not-taken \(check.notTaken)")
                throw ExitCode.failure
            }
            let sealed = try await Console.reporting {
                try await services.engine.agreements.deleteData(id, confirmNotTaken: confirmNotTaken, by: caller)
            }
            print(sealed.fileText)
        }
    }

    struct Registrations: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Virksomhet registrations (default: pending).")
        @OptionGroup var options: CommonOptions
        @Option(help: "pending, approved or rejected.") var state = "pending"

        func run() async throws {
            let services = try options.makeServices(logLevel: .warning)
            guard let state = Registration.State(rawValue: state) else { throw ValidationError("unknown state '\(state)'") }
            let rows = try await Console.reporting {
                try services.engine.agreements.registrations(state: state, by: options.reader)
            }
            for row in rows {
                print("\(row.id.lowercasedText)\t\(row.organisationNumber.rawValue)\t\(row.name)\t\(row.contactEmail)\t\(row.programmes.map(\.rawValue).joined(separator: ","))")
            }
            print("\(rows.count) registration(s)")
        }
    }

    struct Approve: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Approve a registration; the virksomhet becomes a tenant.")
        @OptionGroup var options: CommonOptions
        @Argument(help: "Registration id.") var registration: String

        func run() async throws {
            let caller = try await options.caller()
            let services = try options.makeServices(logLevel: .warning)
            let (_, tenant) = try await Console.reporting {
                guard let id = UUID(uuidString: registration) else { throw RequestError.invalidParameter("registration") }
                return try await services.engine.agreements.approveRegistration(id, by: caller)
            }
            print("approved: tenant \(tenant.id.rawValue) (\(tenant.name))")
        }
    }

    struct Reject: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Reject a registration with a reason.")
        @OptionGroup var options: CommonOptions
        @Argument(help: "Registration id.") var registration: String
        @Option(help: "Why (sent to the applicant).") var reason: String

        func run() async throws {
            let caller = try await options.caller()
            let services = try options.makeServices(logLevel: .warning)
            _ = try await Console.reporting {
                guard let id = UUID(uuidString: registration) else { throw RequestError.invalidParameter("registration") }
                return try await services.engine.agreements.rejectRegistration(id, reason: reason, by: caller)
            }
            print("rejected")
        }
    }

    struct Verify: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check a sealed file (agreement or statement) against the platform's public key.")
        @OptionGroup var options: CommonOptions
        @Argument(help: "The sealed file (JSON).") var file: String
        @Option(help: "Public key (base64), e.g. from /api/v1/public/seal-key; default: the configured key's.")
        var publicKey: String?

        func run() async throws {
            let key: [UInt8]
            if let publicKey {
                guard let data = Data(base64Encoded: publicKey), data.count == 32 else {
                    throw ValidationError("--public-key must be 32 bytes in base64")
                }
                key = Array(data)
            } else {
                key = try options.makeServices(logLevel: .warning).seal.publicKey
            }
            let data = try Data(contentsOf: URL(fileURLWithPath: file))
            switch PlatformSeal.verify(file: data, publicKey: key) {
            case .valid(let document):
                print("valid seal: \(document.kind), key \(document.seal.keyID)")
            case .invalid(let reason):
                print("INVALID: \(reason)")
                throw ExitCode.failure
            }
        }
    }

    struct SealKey: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "seal-key", abstract: "Print the public sealing key.")
        @OptionGroup var options: CommonOptions

        func run() async throws {
            let seal = try options.makeServices(logLevel: .warning).seal
            print("Ed25519 \(seal.keyID) \(Data(seal.publicKey).base64EncodedString())")
        }
    }
}

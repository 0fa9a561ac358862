import API
import ArgumentParser
import Domain
import Engine
import Foundation
import Storage

/// `kp audit …`: the registry's hash-chained audit log.
struct AuditCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit", abstract: "Check and list the audit log.", subcommands: [Verify.self, List.self])

    struct Verify: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Recompute the hash chain; exits non-zero at the first entry that does not follow.")
        @OptionGroup var options: CommonOptions

        func run() async throws {
            let services = try options.makeServices(logLevel: .warning)
            switch try services.engine.support.verifyAudit(by: options.reader) {
            case .intact(let entries):
                print("audit log intact: \(entries) entries")
            case .broken(let entry, let reason):
                print("audit log BROKEN at entry \(entry): \(reason)")
                throw ExitCode.failure
            }
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Print the audit entries, oldest first.")
        @OptionGroup var options: CommonOptions
        @Option(help: "Only this tenant.") var tenant: String?

        func run() async throws {
            let services = try options.makeServices(logLevel: .warning)
            let id = try tenant.map { try TenantID($0) }
            for entry in try services.engine.support.auditEntries(tenant: id, by: options.reader) {
                print("\(entry.id)\t\(entry.at.formatted(.iso8601))\t\(entry.actor)\t\(entry.action)\t\(entry.tenantID ?? "-")\t\(entry.detail)")
            }
        }
    }
}

import API
import ArgumentParser
import Domain
import Engine
import Foundation
import Storage

/// `kp catalog …`: the education plans every tenant assigns from, imported from a documented file
/// (`Docs/catalog-format.md`) into the registry.
struct CatalogCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "catalog", abstract: "Import and list education plans.", subcommands: [Import.self, List.self])

    struct Import: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Import a catalog file (CSV or JSON, chosen by content); all of it or, on any problem, none.")
        @OptionGroup var options: CommonOptions
        @Argument(help: "The catalog file.") var file: String

        func run() async throws {
            let caller = try await options.caller()
            let data = try Data(contentsOf: URL(fileURLWithPath: file))
            let services = try options.makeServices(logLevel: .warning)
            let decisions: [PlanImportDecision]
            let progress = ProgressReporter.standardError(label: "catalog import", unit: "plan versions", total: 0)
            do {
                decisions = try await services.engine.catalog.importFile(data, by: caller) { done, total in
                    progress.advance(to: done, of: total)
                }
            } catch let failure as CatalogImportFailure {
                Self.report(failure)
                throw ExitCode.failure
            }
            progress.finish()
            for decision in decisions {
                switch decision {
                case .added(let plan):
                    let sample = plan.isSample ? " (sample)" : ""
                    print("added\t\(plan.reference)\t\(plan.objectives.count) objectives\t\(plan.name)\(sample)")
                case .unchanged(let reference):
                    print("unchanged\t\(reference)")
                }
            }
            let added = decisions.filter { if case .added = $0 { true } else { false } }.count
            print("\(added) plan version(s) added, \(decisions.count - added) unchanged")
        }

        /// Every problem on its own line (`line N, field F: detail`) on stderr.
        static func report(_ failure: CatalogImportFailure) {
            let lines =
                failure.errors.map(\.detail) + [
                    "kp: \(failure.code): \(failure.errors.count) problem(s), nothing imported"
                ]
            FileHandle.standardError.write(Data((lines.joined(separator: "\n") + "\n").utf8))
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the plan versions in the catalog.")
        @OptionGroup var options: CommonOptions

        func run() async throws {
            let services = try options.makeServices(logLevel: .warning)
            let plans = try await Console.reporting { try services.engine.catalog.plans(by: options.reader) }
            for plan in plans {
                print(
                    [
                        plan.plan.description, plan.effectiveFrom.iso,
                        plan.programmes.map(\.rawValue).joined(separator: ","),
                        "\(plan.objectiveCount) objectives", plan.isSample ? "sample" : "official", plan.name,
                    ].joined(separator: "\t"))
            }
            print("\(plans.count) plan version(s)")
        }
    }
}

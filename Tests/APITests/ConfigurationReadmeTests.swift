import Foundation
import Testing

@testable import API

/// The README's configuration table is `AppConfiguration.settings` written out: same keys, same variables,
/// same defaults. When a setting changes, the failure prints the table to paste into the README.
@Suite struct ConfigurationReadmeTests {
    static let begin =
        "<!-- settings table: generated from AppConfiguration.settings, checked by ConfigurationReadmeTests -->"
    static let end = "<!-- end of settings table -->"

    /// The table as the README must show it.
    static var expectedTable: String {
        var lines = ["| key | environment variable | default | what it sets |", "|---|---|---|---|"]
        for setting in AppConfiguration.settings {
            let variables = setting.variables.map { "`\($0)`" }.joined(separator: ", ")
            lines.append("| `\(setting.key)` | \(variables) | \(setting.defaultText) | \(setting.summary) |")
        }
        return lines.joined(separator: "\n")
    }

    /// The lines between the README's markers.
    static func readmeTable() throws -> String {
        let readme = try String(
            contentsOf: ConfigurationLoadingTests.repository.appendingPathComponent("README.md"), encoding: .utf8)
        let start = try #require(readme.range(of: begin), "README.md has no settings table marker")
        let stop = try #require(readme.range(of: end, range: start.upperBound..<readme.endIndex))
        return readme[start.upperBound..<stop.lowerBound].trimmingCharacters(in: .whitespacesAndNewlines)
    }

    @Test func theReadmeTableIsTheTableOfSettings() throws {
        let table = try Self.readmeTable()
        #expect(table == Self.expectedTable, "README.md's configuration table should be:\n\(Self.expectedTable)")
    }

    @Test func everyKeyAndVariableInTheReadmeExistsInCodeAndTheOtherWayRound() throws {
        let rows = try Self.readmeTable().split(separator: "\n").dropFirst(2).map {
            $0.split(separator: "|", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
        }
        let readmeKeys = Set(rows.map { $0[1].trimmingCharacters(in: CharacterSet(charactersIn: "`")) })
        let readmeVariables = Set(
            rows.flatMap { row in
                row[2].split(separator: ",").map { $0.trimmingCharacters(in: CharacterSet(charactersIn: "` ")) }
            })
        let settings = AppConfiguration.settings
        #expect(readmeKeys == Set(settings.map(\.key)))
        #expect(readmeVariables == Set(settings.flatMap(\.variables)))
        #expect(settings.allSatisfy { $0.variable == ConfigurationSetting.variable(for: $0.key) })
        #expect(Set(settings.map(\.key)).count == settings.count)
    }
}

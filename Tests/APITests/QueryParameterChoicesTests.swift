import Foundation
import Testing

@testable import API

/// `QueryParameterChoices` lists every query parameter the spec restricts to a list of values, with those
/// values, so that every one of them is refused by name.
@Suite struct QueryParameterChoicesTests {
    /// Operation → parameter → values, read from the spec's text: each parameter is a `- name:` or
    /// `- { name:` item, with its lines indented below it; an `enum` inline or in a referenced schema.
    static func specChoices() throws -> [String: [String: [String]]] {
        let lines = String(decoding: try openAPIDocument(), as: UTF8.self).split(separator: "\n").map(String.init)
        func indent(_ line: String) -> Int { line.prefix { $0 == " " }.count }
        func values(in text: String) -> [String]? {
            guard let match = text.firstMatch(of: /enum: \[([^\]]*)\]/) else { return nil }
            return match.1.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        }
        func schema(_ name: String) -> String {
            guard let start = lines.firstIndex(of: "    \(name):") else { return "" }
            return lines[(start + 1)...].prefix { indent($0) > 4 }.joined(separator: "\n")
        }
        var choices: [String: [String: [String]]] = [:]
        var operation = ""
        for (index, line) in lines.enumerated() {
            if let match = line.firstMatch(of: /operationId: (\w+)/) { operation = String(match.1) }
            guard let name = line.firstMatch(of: /^\s*- \{? ?name: (\w+)/)?.1 else { continue }
            let block = ([line] + lines[(index + 1)...].prefix { indent($0) > indent(line) }).joined(separator: "\n")
            guard block.contains("in: query") else { continue }
            let referenced = block.firstMatch(of: /\$ref: "#\/components\/schemas\/(\w+)"/).map { schema(String($0.1)) }
            if let allowed = values(in: block) ?? referenced.flatMap(values(in:)) {
                choices[operation, default: [:]][String(name)] = allowed
            }
        }
        return choices
    }

    @Test func everyQueryParameterWithAnEnumInTheSpecIsInTheTableWithItsValues() throws {
        let spec = try Self.specChoices()
        #expect(spec["getProgressReport"]?["format"] == ["json", "csv", "html"])
        #expect(spec == QueryParameterChoices.byOperation)
    }

    @Test func aValueOutsideTheListNamesTheParameterAndWhatItTakes() {
        #expect(
            QueryParameterChoices.refusal(operationID: "getProgressReport", target: "/x/progress?format=pdf")
                == .unsupportedValue(parameter: "format", supported: ["json", "csv", "html"]))
        for (operation, target) in [
            ("getProgressReport", "/x/progress?format=csv"), ("getProgressReport", "/x/progress"),
            ("finishLogin", "/auth/callback?state=x"),
        ] {
            #expect(QueryParameterChoices.refusal(operationID: operation, target: target) == nil, "\(target)")
        }
    }
}

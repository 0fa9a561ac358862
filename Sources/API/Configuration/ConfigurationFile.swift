import Configuration
import Foundation

/// A `Config/*.json` file flattened to the dotted keys of `AppConfiguration.settings`, typed by each
/// setting's kind, for an `InMemoryProvider`.
///
/// swift-configuration's own JSON provider (trait `JSON`) cannot hold `auth.issuers`, an array of objects,
/// so the file is read here: a list of issuers becomes `auth.issuers.0.issuer`, … . A key that no setting
/// has is an error, so a misspelt key does not silently leave its default in place.
struct ConfigurationFile {
    let path: String
    private(set) var values: [AbsoluteConfigKey: ConfigValue] = [:]

    init(url: URL, settings: [ConfigurationSetting]) throws {
        path = url.path
        let data: Data
        do { data = try Data(contentsOf: url) } catch { throw ConfigurationError.unreadableFile(url.path) }
        let root: JSONValue
        do { root = try JSONDecoder().decode(JSONValue.self, from: data) } catch {
            throw ConfigurationError.invalidFile(url.path, "not JSON (\(error))")
        }
        guard case .object(let members) = root else {
            throw ConfigurationError.invalidFile(url.path, "the top level must be an object")
        }
        let kinds = Dictionary(uniqueKeysWithValues: settings.map { ($0.key, $0.kind) })
        try add(members, prefix: "", kinds: kinds)
    }

    private mutating func add(
        _ members: [String: JSONValue], prefix: String, kinds: [String: ConfigurationSetting.Kind]
    ) throws {
        for (name, value) in members.sorted(by: { $0.key < $1.key }) {
            let key = prefix + name
            if let kind = kinds[key] {
                try add(value, key: key, kind: kind)
            } else if case .object(let inner) = value, kinds.keys.contains(where: { $0.hasPrefix(key + ".") }) {
                try add(inner, prefix: key + ".", kinds: kinds)
            } else {
                throw ConfigurationError.unknownKey(key, file: path)
            }
        }
    }

    private mutating func add(_ value: JSONValue, key: String, kind: ConfigurationSetting.Kind) throws {
        let content: ConfigContent
        switch (kind, value) {
        case (_, .null): return
        case (.string, .string(let text)): content = .string(text)
        case (.integer, .integer(let number)): content = .int(number)
        case (.integer, .number(let number)) where Int(exactly: number) != nil: content = .int(Int(number))
        case (.number, .integer(let number)): content = .double(Double(number))
        case (.number, .number(let number)): content = .double(number)
        case (.boolean, .bool(let flag)): content = .bool(flag)
        case (.list, .array(let items)):
            let strings = items.compactMap { item -> String? in
                guard case .string(let text) = item else { return nil }
                return text
            }
            guard strings.count == items.count else { throw mismatch(key, kind, value) }
            content = .stringArray(strings)
        case (.issuers, .array(let items)):
            for (index, item) in items.enumerated() { try addIssuer(item, key: "\(key).\(index)") }
            return
        default: throw mismatch(key, kind, value)
        }
        values[AbsoluteConfigKey(ConfigKey(key))] = ConfigValue(content, isSecret: false)
    }

    private mutating func addIssuer(_ item: JSONValue, key: String) throws {
        guard case .object(let fields) = item else { throw mismatch(key, .issuers, item) }
        for (name, value) in fields.sorted(by: { $0.key < $1.key }) {
            guard ConfigurationSetting.issuerFields.contains(name) else {
                throw ConfigurationError.unknownKey("\(key).\(name)", file: path)
            }
            try add(value, key: "\(key).\(name)", kind: .string)
        }
    }

    private func mismatch(_ key: String, _ kind: ConfigurationSetting.Kind, _ value: JSONValue) -> ConfigurationError {
        .invalidFile(path, "\(key) must be \(kind.expected), not \(value.typeName)")
    }
}

/// A JSON value as written, so that `1` and `true`, or `2` and `"2"`, stay apart until a setting's kind
/// decides.
private enum JSONValue: Decodable {
    case null
    case bool(Bool)
    case integer(Int)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let flag = try? container.decode(Bool.self) {
            self = .bool(flag)
        } else if let number = try? container.decode(Int.self) {
            self = .integer(number)
        } else if let number = try? container.decode(Double.self) {
            self = .number(number)
        } else if let text = try? container.decode(String.self) {
            self = .string(text)
        } else if let items = try? container.decode([JSONValue].self) {
            self = .array(items)
        } else {
            self = .object(try container.decode([String: JSONValue].self))
        }
    }

    var typeName: String {
        switch self {
        case .null: "null"
        case .bool: "a boolean"
        case .integer, .number: "a number"
        case .string: "a string"
        case .array: "an array"
        case .object: "an object"
        }
    }
}

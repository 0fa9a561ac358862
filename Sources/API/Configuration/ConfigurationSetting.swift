import Configuration

/// One key of the configuration: its name, type, default, environment variable, description, and where
/// it lands in `AppConfiguration`.
///
/// `AppConfiguration.settings` lists every setting once; loading, the environment variable names and the
/// README's configuration table (checked by a test) all come from that list, so they cannot drift apart.
package struct ConfigurationSetting {
    /// The type of a value, which decides how a file value is checked and an environment value parsed.
    package enum Kind: Sendable, Equatable {
        case string
        case integer
        case number
        case boolean
        /// Strings; comma-separated in an environment variable.
        case list
        /// `{issuer, audience, jwksURL}` objects; in the environment numbered from 0.
        case issuers

        /// What a valid value looks like, for error messages.
        package var expected: String {
            switch self {
            case .string: "text"
            case .integer: "an integer"
            case .number: "a number"
            case .boolean: "true or false (or yes/no, 1/0)"
            case .list: "a list of strings (comma-separated in the environment)"
            case .issuers: "a list of {issuer, audience, jwksURL} objects"
            }
        }
    }

    /// The fields of one entry of a `.issuers` setting, in file and environment order.
    package static let issuerFields = ["issuer", "audience", "jwksURL"]

    /// Dotted lowerCamelCase, as in the file (`http.maxBodyBytes`).
    package let key: String
    package let kind: Kind
    /// The default as the README shows it (markdown).
    package let defaultText: String
    /// What the setting does, for the README.
    package let summary: String
    /// The value the defaults provider holds; `nil` when the default is derived from other settings.
    let builtIn: ConfigContent?
    /// Reads the value (from whichever provider has it first) into the configuration.
    let read: (ConfigReader, inout AppConfiguration) throws -> Void

    /// `KP_` + the key in upper case with dots as underscores (`KP_HTTP_MAXBODYBYTES`).
    package var variable: String { Self.variable(for: key) }

    /// The variables that set this key: one, or one per field for a list of issuers (`<n>` = 0, 1, …).
    package var variables: [String] {
        guard kind == .issuers else { return [variable] }
        return Self.issuerFields.map { "\(variable)_<n>_\($0.uppercased())" }
    }

    package static func variable(for key: String) -> String {
        "KP_" + key.uppercased().replacingOccurrences(of: ".", with: "_")
    }
}

extension ConfigurationSetting {
    static func string(
        _ key: String, _ path: WritableKeyPath<AppConfiguration, String>, _ summary: String
    ) -> ConfigurationSetting {
        let value = AppConfiguration()[keyPath: path]
        return ConfigurationSetting(
            key: key, kind: .string, defaultText: value.isEmpty ? "empty" : "`\(value)`", summary: summary,
            builtIn: .string(value)
        ) { reader, configuration in
            configuration[keyPath: path] = try reader.requiredString(forKey: ConfigKey(key))
        }
    }

    /// A URL that points back at this server: unless set, computed from settings read before it.
    static func derived(
        _ key: String, _ path: WritableKeyPath<AppConfiguration, String>, _ summary: String,
        default defaultText: String, from derive: @escaping (AppConfiguration) -> String
    ) -> ConfigurationSetting {
        ConfigurationSetting(key: key, kind: .string, defaultText: defaultText, summary: summary, builtIn: nil) {
            reader, configuration in
            configuration[keyPath: path] = reader.string(forKey: ConfigKey(key)) ?? derive(configuration)
        }
    }

    static func integer(
        _ key: String, _ path: WritableKeyPath<AppConfiguration, Int>, _ summary: String
    ) -> ConfigurationSetting {
        let value = AppConfiguration()[keyPath: path]
        return ConfigurationSetting(
            key: key, kind: .integer, defaultText: "`\(value)`", summary: summary, builtIn: .int(value)
        ) { reader, configuration in
            configuration[keyPath: path] = try reader.requiredInt(forKey: ConfigKey(key))
        }
    }

    static func number(
        _ key: String, _ path: WritableKeyPath<AppConfiguration, Double>, _ summary: String
    ) -> ConfigurationSetting {
        let value = AppConfiguration()[keyPath: path]
        let text = value == value.rounded() ? String(Int(value)) : String(value)
        return ConfigurationSetting(
            key: key, kind: .number, defaultText: "`\(text)`", summary: summary, builtIn: .double(value)
        ) { reader, configuration in
            configuration[keyPath: path] = try reader.requiredDouble(forKey: ConfigKey(key))
        }
    }

    static func boolean(
        _ key: String, _ path: WritableKeyPath<AppConfiguration, Bool>, _ summary: String
    ) -> ConfigurationSetting {
        let value = AppConfiguration()[keyPath: path]
        return ConfigurationSetting(
            key: key, kind: .boolean, defaultText: "`\(value)`", summary: summary, builtIn: .bool(value)
        ) { reader, configuration in
            configuration[keyPath: path] = try reader.requiredBool(forKey: ConfigKey(key))
        }
    }

    /// Empty entries are dropped, so `KP_AUTH_SUPPORTSUBJECTS=` means an empty list, not one empty subject.
    static func list(
        _ key: String, _ path: WritableKeyPath<AppConfiguration, [String]>, _ summary: String
    ) -> ConfigurationSetting {
        let value = AppConfiguration()[keyPath: path]
        return ConfigurationSetting(
            key: key, kind: .list, defaultText: "`[\(value.map { "\"\($0)\"" }.joined(separator: ", "))]`",
            summary: summary, builtIn: .stringArray(value)
        ) { reader, configuration in
            configuration[keyPath: path] = try reader.requiredStringArray(forKey: ConfigKey(key))
                .filter { !$0.isEmpty }
        }
    }

    /// Entries are read at `key.0`, `key.1`, … until an index where no provider has any field, so a file's
    /// array and `KP_AUTH_ISSUERS_0_ISSUER`-style variables are read the same way.
    static func issuers(
        _ key: String, _ path: WritableKeyPath<AppConfiguration, [AppConfiguration.Issuer]>, _ summary: String
    ) -> ConfigurationSetting {
        ConfigurationSetting(key: key, kind: .issuers, defaultText: "`[]`", summary: summary, builtIn: nil) {
            reader, configuration in
            var issuers: [AppConfiguration.Issuer] = []
            for index in 0... {
                let keys = issuerFields.map { "\(key).\(index).\($0)" }
                let values = keys.map { reader.string(forKey: ConfigKey($0)) }
                if values.allSatisfy({ $0 == nil }) { break }
                if let missing = values.firstIndex(where: { $0 == nil }) {
                    throw ConfigurationError.missingValue(key: keys[missing], variable: variable(for: keys[missing]))
                }
                let fields = values.map { $0 ?? "" }
                issuers.append(.init(issuer: fields[0], audience: fields[1], jwksURL: fields[2]))
            }
            configuration[keyPath: path] = issuers
        }
    }
}

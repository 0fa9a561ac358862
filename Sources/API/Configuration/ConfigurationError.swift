/// A configuration that cannot be used; reported at start-up, before anything is opened.
///
/// Every value error names both the key (as written in a file) and its environment variable, because the
/// person reading the message may have set either.
package enum ConfigurationError: Error, CustomStringConvertible, Equatable {
    case unreadableFile(String)
    case invalidFile(String, String)
    /// A key in the file that no setting has: a typo would otherwise be ignored silently.
    case unknownKey(String, file: String)
    case invalidValue(key: String, variable: String, value: String, expected: String)
    /// One field of a list entry is given and another is not (an issuer without its `jwksURL`).
    case missingValue(key: String, variable: String)
    case missingSecret(String)
    case invalidSecret(String)
    /// A secret that a setting needs, demo or not (the SMTP password for `mail.smtpUsername`).
    case secretRequired(String, by: String)
    /// `/metrics` would be served off loopback to anyone who asks.
    case unprotectedMetrics(host: String)

    package var description: String {
        switch self {
        case .unreadableFile(let path): "cannot read configuration file \(path)"
        case .invalidFile(let path, let why): "configuration file \(path) is invalid: \(why)"
        case .unknownKey(let key, let path): "configuration file \(path) has an unknown key \(key)"
        case .invalidValue(let key, let variable, let value, let expected):
            "configuration key \(key) (environment variable \(variable)) has an invalid value '\(value)': "
                + "expected \(expected)"
        case .missingValue(let key, let variable):
            "configuration key \(key) (environment variable \(variable)) is required"
        case .missingSecret(let name): "environment variable \(name) is required (or run with --demo)"
        case .invalidSecret(let name): "environment variable \(name) is not valid"
        case .secretRequired(let name, let key): "environment variable \(name) is required when \(key) is set"
        case .unprotectedMetrics(let host):
            "configuration key metrics.host (environment variable KP_METRICS_HOST) is \(host), not loopback: "
                + "set KP_METRICS_TOKEN so that only operators can read /metrics"
        }
    }
}

import Foundation

/// Reading the configuration: file first, then the environment on top.
extension AppConfiguration {
    /// Loads `file` (if given, it must exist) and applies `KP_…` overrides from `environment`.
    package static func load(file: URL?, environment: [String: String]) throws -> AppConfiguration {
        var configuration = AppConfiguration()
        if let file {
            let data: Data
            do { data = try Data(contentsOf: file) } catch {
                throw ConfigurationError.unreadableFile(file.path)
            }
            do {
                configuration = try JSONDecoder().decode(AppConfiguration.self, from: data)
            } catch {
                throw ConfigurationError.invalidFile(file.path, String(describing: error))
            }
        }
        try configuration.applyOverrides(from: environment)
        return configuration
    }

    /// Applies every `KP_…` variable this configuration knows; unknown `KP_` keys are ignored.
    package mutating func applyOverrides(from environment: [String: String]) throws {
        func value(_ key: String) -> String? {
            environment["KP_" + key.uppercased().replacingOccurrences(of: ".", with: "_")]
        }
        func int(_ key: String) throws -> Int? {
            guard let raw = value(key) else { return nil }
            guard let number = Int(raw) else { throw ConfigurationError.invalidValue(key, raw) }
            return number
        }
        func double(_ key: String) throws -> Double? {
            guard let raw = value(key) else { return nil }
            guard let number = Double(raw) else { throw ConfigurationError.invalidValue(key, raw) }
            return number
        }
        func bool(_ key: String) throws -> Bool? {
            guard let raw = value(key)?.lowercased() else { return nil }
            switch raw {
            case "1", "true", "yes", "on": return true
            case "0", "false", "no", "off": return false
            default: throw ConfigurationError.invalidValue(key, raw)
            }
        }
        if let host = value("http.host") { http.host = host }
        if let port = try int("http.port") { http.port = port }
        if let limit = try int("http.maxBodyBytes") { http.maxBodyBytes = limit }
        if let limit = try int("http.maxUploadBytes") { http.maxUploadBytes = limit }
        if let directory = value("agreements.contractsDirectory") { agreements.contractsDirectory = directory }
        if let base = value("http.publicBaseURL") { http.publicBaseURL = base }
        if let directory = value("tenants.directory") { tenants.directory = directory }
        if let maxOpen = try int("tenants.maxOpen") { tenants.maxOpen = maxOpen }
        if let seconds = try double("tenants.registryCacheSeconds") { tenants.registryCacheSeconds = seconds }
        if let skew = try double("auth.clockSkewSeconds") { auth.clockSkewSeconds = skew }
        if let subjects = value("auth.supportSubjects") {
            auth.supportSubjects = subjects.split(separator: ",").map { String($0).trimmingCharacters(in: .whitespaces) }
        }
        if let enabled = try bool("devIssuer.enabled") { devIssuer.enabled = enabled }
        if let issuer = value("devIssuer.issuer") { devIssuer.issuer = issuer }
        if let audience = value("devIssuer.audience") { devIssuer.audience = audience }
        if let enabled = try bool("login.enabled") { login.enabled = enabled }
        if let issuer = value("login.issuer") { login.issuer = issuer }
        if let clientID = value("login.clientID") { login.clientID = clientID }
        if let redirect = value("login.redirectURI") { login.redirectURI = redirect }
        if let transport = value("mail.transport") { mail.transport = transport }
        if let directory = value("mail.directory") { mail.directory = directory }
        if let host = value("mail.smtpHost") { mail.smtpHost = host }
        if let port = try int("mail.smtpPort") { mail.smtpPort = port }
        if let from = value("mail.from") { mail.from = from }
        if let seconds = try double("mail.pollSeconds") { mail.pollSeconds = seconds }
        if let level = value("log.level") { log.level = level }
        try validate()
    }

    package func validate() throws {
        guard (1...65535).contains(http.port) else { throw ConfigurationError.invalidValue("http.port", "\(http.port)") }
        guard http.maxBodyBytes > 0 else {
            throw ConfigurationError.invalidValue("http.maxBodyBytes", "\(http.maxBodyBytes)")
        }
        guard ["file", "smtp"].contains(mail.transport) else {
            throw ConfigurationError.invalidValue("mail.transport", mail.transport)
        }
        guard tenants.maxOpen > 0 else { throw ConfigurationError.invalidValue("tenants.maxOpen", "\(tenants.maxOpen)") }
    }
}

/// A configuration that cannot be used; reported at start-up, before anything is opened.
package enum ConfigurationError: Error, CustomStringConvertible, Equatable {
    case unreadableFile(String)
    case invalidFile(String, String)
    case invalidValue(String, String)
    case missingSecret(String)
    case invalidSecret(String)

    package var description: String {
        switch self {
        case .unreadableFile(let path): "cannot read configuration file \(path)"
        case .invalidFile(let path, let why): "configuration file \(path) is invalid: \(why)"
        case .invalidValue(let key, let value): "configuration key \(key) has an invalid value '\(value)'"
        case .missingSecret(let name): "environment variable \(name) is required (or run with --demo)"
        case .invalidSecret(let name): "environment variable \(name) is not valid"
        }
    }
}

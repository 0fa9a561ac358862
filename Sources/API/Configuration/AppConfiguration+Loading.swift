import Configuration
import Foundation
import Logging
import Storage

/// Reading the configuration through swift-configuration's `ConfigReader`.
extension AppConfiguration {
    /// Loads every setting of `settings`; the first provider that has a key wins:
    ///
    /// 1. `arguments`: command-line values (`kp serve --port`) by key, parsed like environment values;
    /// 2. `environment`: `KP_…` variables (`ConfigurationSetting.variable`);
    /// 3. with `demo`, the demo switches (development issuer and login on);
    /// 4. `file` (if given, it must exist), flattened by `ConfigurationFile`;
    /// 5. the built-in defaults (`AppConfiguration()`).
    ///
    /// A URL that points back at the server (`http.publicBaseURL`, `devIssuer.issuer`, `login.redirectURI`)
    /// that no provider sets follows `http.host` and `http.port`, so a server on another port finds itself.
    package static func load(
        file: URL?, environment: [String: String], demo: Bool = false, arguments: [String: String] = [:]
    ) throws -> AppConfiguration {
        let settings = Self.settings
        var providers: [any ConfigProvider] = []
        if !arguments.isEmpty {
            let variables = arguments.map { (ConfigurationSetting.variable(for: $0.key), $0.value) }
            providers.append(environmentProvider(Dictionary(variables) { $1 }))
        }
        providers.append(environmentProvider(environment))
        if demo {
            providers.append(
                InMemoryProvider(name: "demo", values: ["devIssuer.enabled": true, "login.enabled": true]))
        }
        if let file {
            let values = try ConfigurationFile(url: file, settings: settings).values
            providers.append(InMemoryProvider(name: file.path, values: values))
        }
        var defaults: [AbsoluteConfigKey: ConfigValue] = [:]
        for setting in settings {
            guard let value = setting.builtIn else { continue }
            defaults[AbsoluteConfigKey(ConfigKey(setting.key))] = ConfigValue(value, isSecret: false)
        }
        providers.append(InMemoryProvider(name: "defaults", values: defaults))

        let reader = ConfigReader(providers: providers)
        var configuration = AppConfiguration()
        for setting in settings {
            do {
                try setting.read(reader, &configuration)
            } catch let error as ConfigurationError {
                throw error
            } catch {
                // swift-configuration's own error names only one of key and variable, and not the value.
                throw ConfigurationError.invalidValue(
                    key: setting.key, variable: setting.variable,
                    value: arguments[setting.key] ?? environment[setting.variable] ?? "",
                    expected: setting.kind.expected)
            }
        }
        try configuration.validate()
        return configuration
    }

    /// `KP_HTTP_MAXBODYBYTES` for `http.maxBodyBytes`: swift-configuration's own encoding would split
    /// camelCase (`HTTP_MAX_BODY_BYTES`), so keys are lower-cased and prefixed with `kp` before it encodes them.
    private static func environmentProvider(_ variables: [String: String]) -> some ConfigProvider {
        EnvironmentVariablesProvider(environmentVariables: variables).mapKeys { key in
            AbsoluteConfigKey(["kp"] + key.components.map { $0.lowercased() }, context: key.context)
        }
    }

    /// Rules across the type of a value: ranges, and words from a fixed set.
    package func validate() throws {
        func check(_ valid: Bool, _ key: String, _ value: any CustomStringConvertible, _ expected: String) throws {
            guard !valid else { return }
            throw ConfigurationError.invalidValue(
                key: key, variable: ConfigurationSetting.variable(for: key), value: value.description,
                expected: expected)
        }
        try check((1...65535).contains(http.port), "http.port", http.port, "a port from 1 to 65535")
        try check(http.maxBodyBytes > 0, "http.maxBodyBytes", http.maxBodyBytes, "a positive number of bytes")
        try check(http.maxUploadBytes > 0, "http.maxUploadBytes", http.maxUploadBytes, "a positive number of bytes")
        try check(tenants.maxOpen >= 0, "tenants.maxOpen", tenants.maxOpen, "0 (sized from the file limit) or more")
        try check(
            tenants.registryCacheSeconds >= 0, "tenants.registryCacheSeconds", tenants.registryCacheSeconds,
            "zero or more seconds")
        try check(login.sessionHours > 0, "login.sessionHours", login.sessionHours, "a positive number of hours")
        try check(["file", "smtp"].contains(mail.transport), "mail.transport", mail.transport, "file or smtp")
        try check((1...65535).contains(mail.smtpPort), "mail.smtpPort", mail.smtpPort, "a port from 1 to 65535")
        try check((0...65535).contains(metrics.port), "metrics.port", metrics.port, "a port from 0 to 65535")
        try check(
            SMTPStartTLS(rawValue: mail.smtpStartTLS) != nil, "mail.smtpStartTLS", mail.smtpStartTLS,
            "required, opportunistic or off")
        try check(
            mail.smtpUsername.isEmpty || mail.smtpStartTLS != SMTPStartTLS.off.rawValue, "mail.smtpStartTLS",
            mail.smtpStartTLS, "required or opportunistic when mail.smtpUsername is set (a password needs TLS)")
        try check(mail.pollSeconds > 0, "mail.pollSeconds", mail.pollSeconds, "a positive number of seconds")
        try check(backup.syncInterval > 0, "backup.syncInterval", backup.syncInterval, "a positive number of seconds")
        try check(backup.monitorSeconds > 0, "backup.monitorSeconds", backup.monitorSeconds, "a positive number of seconds")
        try check((0...19).contains(backup.niceness), "backup.niceness", backup.niceness, "a whole number from 0 to 19")
        try check(backup.tenantsPerProcess > 0, "backup.tenantsPerProcess", backup.tenantsPerProcess, "a positive number")
        try check(backup.checkSeconds > 0, "backup.checkSeconds", backup.checkSeconds, "a positive number of seconds")
        try check(
            (try? BackupReplica(url: backup.replicaURL)) != nil, "backup.replicaURL", backup.replicaURL,
            "a folder, file:///path or s3://bucket/prefix")
        try check(
            Logger.Level(rawValue: log.level) != nil, "log.level", log.level,
            "trace, debug, info, notice, warning, error or critical")
    }
}

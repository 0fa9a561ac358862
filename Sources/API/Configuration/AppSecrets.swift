import Foundation
import Identity

/// Secrets, only ever from the environment.
///
/// In demo mode a missing secret is generated once and kept in `Tenants/_dev/` (ignored by git), so a
/// demo server and `kp dev token` agree across restarts; outside demo mode a missing secret stops the start.
package struct AppSecrets: Sendable {
    /// `KP_PID_HASH_KEY`: at least 32 bytes, hex or base64; keys the hash of national identity numbers.
    package var pidHashKey: [UInt8]
    /// `KP_DEV_ISSUER_KEY`: PEM P-256 private key of the development issuer (only when it is enabled).
    package var developmentIssuerKeyPEM: String?
    /// `KP_OIDC_CLIENT_KEY`: PEM P-256 private key the portal authenticates to HelseID with (login only).
    package var loginClientKeyPEM: String?
    /// `KP_SEAL_KEY`: the platform's Ed25519 sealing key, 32 bytes, hex or base64.
    package var sealKey: [UInt8]
    /// `KP_METRICS_TOKEN`: when set, a scrape of `/metrics` must send it as a bearer token.
    package var metricsToken: String?
    /// `KP_MAIL_SMTP_PASSWORD`: the SMTP relay's password for `mail.smtpUsername`; sent only over TLS.
    package var smtpPassword: String?

    package init(
        pidHashKey: [UInt8], developmentIssuerKeyPEM: String?, loginClientKeyPEM: String? = nil, sealKey: [UInt8],
        metricsToken: String? = nil, smtpPassword: String? = nil
    ) {
        self.pidHashKey = pidHashKey
        self.sealKey = sealKey
        self.developmentIssuerKeyPEM = developmentIssuerKeyPEM
        self.loginClientKeyPEM = loginClientKeyPEM
        self.metricsToken = metricsToken
        self.smtpPassword = smtpPassword
    }

    package static func load(
        environment: [String: String], configuration: AppConfiguration, demoFolder: URL?
    ) throws -> AppSecrets {
        let pidKey: [UInt8]
        if let raw = environment["KP_PID_HASH_KEY"] {
            guard let bytes = decode(raw), bytes.count >= 32 else { throw ConfigurationError.invalidSecret("KP_PID_HASH_KEY") }
            pidKey = bytes
        } else if let demoFolder {
            pidKey = try demoSecret(named: "pid-hash-key", in: demoFolder)
        } else {
            throw ConfigurationError.missingSecret("KP_PID_HASH_KEY")
        }
        let sealKey: [UInt8]
        if let raw = environment["KP_SEAL_KEY"] {
            guard let bytes = decode(raw), bytes.count == 32 else { throw ConfigurationError.invalidSecret("KP_SEAL_KEY") }
            sealKey = bytes
        } else if let demoFolder {
            sealKey = try demoSecret(named: "seal-key", in: demoFolder, length: 32)
        } else {
            throw ConfigurationError.missingSecret("KP_SEAL_KEY")
        }
        var issuerKey: String?
        if configuration.devIssuer.enabled {
            if let pem = environment["KP_DEV_ISSUER_KEY"] {
                issuerKey = pem
            } else if let demoFolder {
                issuerKey = try DevelopmentIssuer.loadOrCreateKey(at: demoFolder.appendingPathComponent("dev-issuer.pem"))
            } else {
                throw ConfigurationError.missingSecret("KP_DEV_ISSUER_KEY")
            }
        }
        var clientKey: String?
        if configuration.login.enabled {
            if let pem = environment["KP_OIDC_CLIENT_KEY"] {
                clientKey = pem
            } else if let demoFolder {
                clientKey = try DevelopmentIssuer.loadOrCreateKey(at: demoFolder.appendingPathComponent("oidc-client.pem"))
            } else {
                throw ConfigurationError.missingSecret("KP_OIDC_CLIENT_KEY")
            }
        }
        let metricsToken = environment["KP_METRICS_TOKEN"].flatMap { $0.isEmpty ? nil : $0 }
        let metrics = configuration.metrics
        if metrics.enabled, metricsToken == nil, !isLoopback(metrics.host) {
            throw ConfigurationError.unprotectedMetrics(host: metrics.host)
        }
        let smtpPassword = environment["KP_MAIL_SMTP_PASSWORD"].flatMap { $0.isEmpty ? nil : $0 }
        if configuration.mail.transport == "smtp" {
            switch (configuration.mail.smtpUsername.isEmpty, smtpPassword == nil) {
            case (false, true): throw ConfigurationError.secretRequired("KP_MAIL_SMTP_PASSWORD", by: "mail.smtpUsername")
            case (true, false): throw ConfigurationError.missingValue(key: "mail.smtpUsername", variable: "KP_MAIL_SMTPUSERNAME")
            default: break
            }
        }
        return AppSecrets(
            pidHashKey: pidKey, developmentIssuerKeyPEM: issuerKey, loginClientKeyPEM: clientKey, sealKey: sealKey,
            metricsToken: metricsToken, smtpPassword: smtpPassword)
    }

    /// `localhost`, `::1` or an address in 127.0.0.0/8.
    static func isLoopback(_ host: String) -> Bool {
        host == "localhost" || host == "::1" || host == "[::1]" || host.split(separator: ".").first == "127"
    }

    private static func decode(_ raw: String) -> [UInt8]? {
        let text = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        if text.count % 2 == 0, text.allSatisfy(\.isHexDigit) {
            var bytes: [UInt8] = []
            var index = text.startIndex
            while index < text.endIndex {
                let next = text.index(index, offsetBy: 2)
                guard let byte = UInt8(text[index..<next], radix: 16) else { return nil }
                bytes.append(byte)
                index = next
            }
            return bytes
        }
        return Data(base64Encoded: text).map { Array($0) }
    }

    private static func demoSecret(named name: String, in folder: URL, length: Int? = nil) throws -> [UInt8] {
        let file = folder.appendingPathComponent(name)
        if let data = try? Data(contentsOf: file), data.count >= 32, length == nil || data.count == length {
            return Array(data)
        }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        try Data(bytes).write(to: file, options: [.atomic])
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: file.path)
        return bytes
    }
}

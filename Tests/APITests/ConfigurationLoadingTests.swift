import Foundation
import TestSupport
import Testing

@testable import API

/// Loading through swift-configuration: defaults, then the file, then `KP_…` variables, then the command line.
@Suite struct ConfigurationLoadingTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// Writes `json` to a file in `folder` and loads it with `environment`.
    static func load(_ json: String, in folder: TemporaryFolder, environment: [String: String] = [:]) throws
        -> AppConfiguration
    {
        let file = folder.url.appendingPathComponent("config.json")
        try Data(json.utf8).write(to: file)
        return try AppConfiguration.load(file: file, environment: environment)
    }

    @Test func withNoFileAndNoEnvironmentEveryKeyHasItsBuiltInDefault() throws {
        #expect(try AppConfiguration.load(file: nil, environment: [:]) == AppConfiguration())
    }

    @Test func aSectionGivenInPartKeepsTheDefaultsOfItsOtherKeys() throws {
        let folder = try TemporaryFolder()
        let configuration = try Self.load(#"{"mail": {"transport": "smtp"}, "login": {"clientID": "kp"}}"#, in: folder)
        #expect(configuration.mail.transport == "smtp")
        #expect(configuration.mail.smtpPort == 25)
        #expect(configuration.mail.pollSeconds == 30)
        #expect(configuration.login.clientID == "kp")
        #expect(configuration.login.sessionHours == 8)
        #expect(configuration.http == AppConfiguration.HTTP())
    }

    @Test func theEnvironmentWinsOverTheFileForEveryTypeOfValue() throws {
        let folder = try TemporaryFolder()
        let file = #"""
            {"http": {"host": "10.0.0.1", "port": 9000}, "login": {"sessionHours": 4, "enabled": false},
             "auth": {"supportSubjects": ["from-file"],
                      "issuers": [{"issuer": "https://file", "audience": "a", "jwksURL": "https://file/jwks"}]}}
            """#
        let configuration = try Self.load(
            file, in: folder,
            environment: [
                "KP_HTTP_HOST": "0.0.0.0", "KP_HTTP_PORT": "18101", "KP_LOGIN_SESSIONHOURS": "1.5",
                "KP_LOGIN_ENABLED": "true", "KP_AUTH_SUPPORTSUBJECTS": "anne, bob ,carl",
                "KP_AUTH_ISSUERS_0_ISSUER": "https://helseid", "KP_AUTH_ISSUERS_1_ISSUER": "https://second",
                "KP_AUTH_ISSUERS_1_AUDIENCE": "kp", "KP_AUTH_ISSUERS_1_JWKSURL": "https://second/jwks",
                "PATH": "/usr/bin", "KP_NOT_A_SETTING": "ignored",
            ])
        #expect(configuration.http.host == "0.0.0.0")
        #expect(configuration.http.port == 18101)
        #expect(configuration.login.sessionHours == 1.5)
        #expect(configuration.login.enabled)
        #expect(configuration.auth.supportSubjects == ["anne", "bob", "carl"])
        #expect(
            configuration.auth.issuers == [
                .init(issuer: "https://helseid", audience: "a", jwksURL: "https://file/jwks"),
                .init(issuer: "https://second", audience: "kp", jwksURL: "https://second/jwks"),
            ])
    }

    @Test func anEmptyListVariableMeansAnEmptyList() throws {
        let folder = try TemporaryFolder()
        let configuration = try Self.load(
            #"{"auth": {"supportSubjects": ["x"]}}"#, in: folder, environment: ["KP_AUTH_SUPPORTSUBJECTS": ""])
        #expect(configuration.auth.supportSubjects == [])
    }

    @Test func commandLineValuesWinOverTheEnvironment() throws {
        let configuration = try AppConfiguration.load(
            file: nil, environment: ["KP_HTTP_PORT": "9000"], arguments: ["http.port": "18101"])
        #expect(configuration.http.port == 18101)
    }

    /// Every setting (issuers aside) changes when its own variable is set: no key without its override.
    @Test(arguments: AppConfiguration.settings.map(\.key))
    func everySettingIsSetByItsEnvironmentVariable(key: String) throws {
        let setting = try #require(AppConfiguration.settings.first { $0.key == key })
        let environment: [String: String]
        switch (setting.kind, key) {
        case (_, "mail.transport"): environment = [setting.variable: "smtp"]
        case (_, "log.level"): environment = [setting.variable: "debug"]
        case (_, "backup.replicaURL"): environment = [setting.variable: "s3://kp-backup/portal"]
        case (_, "mail.smtpStartTLS"): environment = [setting.variable: "required"]
        case (_, "metrics.enabled"): environment = [setting.variable: "no"]
        case (_, "backup.niceness"): environment = [setting.variable: "7"]
        case (.string, _), (.list, _): environment = [setting.variable: "http://example.invalid/x"]
        case (.integer, _), (.number, _): environment = [setting.variable: "4242"]
        case (.boolean, _): environment = [setting.variable: "yes"]
        case (.issuers, _):
            let variables = setting.variables.map { $0.replacingOccurrences(of: "<n>", with: "0") }
            environment = Dictionary(uniqueKeysWithValues: variables.map { ($0, "x") })
        }
        let changed = try AppConfiguration.load(file: nil, environment: environment)
        #expect(changed != AppConfiguration())
    }

    @Test func aNicenessOutsideWhatNiceAcceptsIsRefusedWithTheRange() throws {
        #expect(
            throws: ConfigurationError.invalidValue(
                key: "backup.niceness", variable: "KP_BACKUP_NICENESS", value: "20", expected: "a whole number from 0 to 19")
        ) { try AppConfiguration.load(file: nil, environment: ["KP_BACKUP_NICENESS": "20"]) }
    }

    @Test func aBadValueInTheEnvironmentNamesTheKeyAndTheVariable() throws {
        let error = #expect(throws: ConfigurationError.self) {
            try AppConfiguration.load(file: nil, environment: ["KP_HTTP_PORT": "abc"])
        }
        #expect(
            error == .invalidValue(key: "http.port", variable: "KP_HTTP_PORT", value: "abc", expected: "an integer"))
        #expect(error?.description.contains("http.port") == true)
        #expect(error?.description.contains("KP_HTTP_PORT") == true)
        #expect(throws: ConfigurationError.self) {
            try AppConfiguration.load(file: nil, environment: ["KP_DEVISSUER_ENABLED": "maybe"])
        }
        #expect(throws: ConfigurationError.self) {
            try AppConfiguration.load(file: nil, environment: ["KP_LOGIN_SESSIONHOURS": "eight"])
        }
        let outOfRange = #expect(throws: ConfigurationError.self) {
            try AppConfiguration.load(file: nil, environment: ["KP_HTTP_PORT": "70000"])
        }
        #expect(outOfRange?.description.contains("KP_HTTP_PORT") == true)
    }

    @Test func aBadValueOrAnUnknownKeyInTheFileIsRefused() throws {
        let folder = try TemporaryFolder()
        let wrongType = #expect(throws: ConfigurationError.self) {
            try Self.load(#"{"http": {"port": "8080"}}"#, in: folder)
        }
        #expect(wrongType?.description.contains("http.port") == true)
        let misspelt = #expect(throws: ConfigurationError.self) {
            try Self.load(#"{"login": {"sessionhours": 4}}"#, in: folder)
        }
        let path = folder.url.appendingPathComponent("config.json").path
        #expect(misspelt == .unknownKey("login.sessionhours", file: path))
        #expect(throws: ConfigurationError.self) { try Self.load(#"{"mail": "smtp"}"#, in: folder) }
        #expect(throws: ConfigurationError.self) { try Self.load("not json", in: folder) }
    }

    @Test func anIssuerWithoutAllItsFieldsIsRefused() throws {
        let folder = try TemporaryFolder()
        let error = #expect(throws: ConfigurationError.self) {
            try Self.load(#"{"auth": {"issuers": [{"issuer": "https://helseid", "audience": "kp"}]}}"#, in: folder)
        }
        #expect(error == .missingValue(key: "auth.issuers.0.jwksURL", variable: "KP_AUTH_ISSUERS_0_JWKSURL"))
    }

    @Test func theRepositorysConfigurationFilesLoad() throws {
        let config = Self.repository.appendingPathComponent("Config")
        let standard = try AppConfiguration.load(file: config.appendingPathComponent("default.json"), environment: [:])
        #expect(!standard.devIssuer.enabled)
        #expect(!standard.login.enabled)
        // The cap on open tenant files is sized at start (`TenantPoolCap`) unless an operator sets one.
        #expect(standard.tenants.maxOpen == 0)
        let demo = try AppConfiguration.load(
            file: config.appendingPathComponent("demo.json"), environment: [:], demo: true)
        #expect(demo.devIssuer.enabled)
        #expect(demo.login.enabled)
        #expect(demo.auth.supportSubjects == ["dev-support"])
        #expect(demo.devIssuer.issuer == "http://127.0.0.1:8080/dev-issuer")
    }
}

import Foundation

/// Non-secret settings, read from `Config/*.json` and overridden by `KP_…` environment variables.
///
/// Keys are dotted lowerCamelCase (`http.port`); the environment variable of a key is `KP_` followed by
/// the key in upper case with dots as underscores (`KP_HTTP_PORT`, `KP_TENANTS_MAXOPEN`). Secrets are
/// never here: see `AppSecrets`.
package struct AppConfiguration: Codable, Sendable, Equatable {
    package struct HTTP: Codable, Sendable, Equatable {
        package var host = "127.0.0.1"
        package var port = 8080
        /// Requests with a larger body are refused with 413 before any handler runs.
        package var maxBodyBytes = 64 * 1024
        /// The larger limit of the one upload route (a scanned paper agreement, PDF).
        package var maxUploadBytes = 10 * 1024 * 1024 + 64 * 1024
        /// Where users reach the portal; links in e-mails start with it.
        package var publicBaseURL = "http://127.0.0.1:8080"

        package init() {}

        package init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            host = try container.decodeIfPresent(String.self, forKey: .host) ?? host
            port = try container.decodeIfPresent(Int.self, forKey: .port) ?? port
            maxBodyBytes = try container.decodeIfPresent(Int.self, forKey: .maxBodyBytes) ?? maxBodyBytes
            maxUploadBytes = try container.decodeIfPresent(Int.self, forKey: .maxUploadBytes) ?? maxUploadBytes
            publicBaseURL = try container.decodeIfPresent(String.self, forKey: .publicBaseURL) ?? publicBaseURL
        }
    }

    package struct Tenants: Codable, Sendable, Equatable {
        package var directory = "Tenants"
        /// How many tenant database pools may be open at once (LRU beyond that).
        package var maxOpen = 64
        /// How long a registry lookup may be served from the cache when another process changed it.
        package var registryCacheSeconds = 2.0
    }

    package struct Issuer: Codable, Sendable, Equatable {
        package var issuer: String
        package var audience: String
        package var jwksURL: String
    }

    package struct Auth: Codable, Sendable, Equatable {
        package var issuers: [Issuer] = []
        package var clockSkewSeconds = 60.0
        /// The `sub` of each support staff member; their tokens unlock the support API.
        package var supportSubjects: [String] = []
    }

    package struct DevelopmentIssuer: Codable, Sendable, Equatable {
        package var enabled = false
        package var issuer = "http://127.0.0.1:8080/dev-issuer"
        package var audience = "kompetanseportal"
    }

    package struct Login: Codable, Sendable, Equatable {
        /// Off by default; in demo mode the development issuer is the login issuer.
        package var enabled = false
        /// The OpenID issuer (HelseID); empty means the development issuer.
        package var issuer = ""
        package var clientID = "kompetanseportal"
        package var redirectURI = "http://127.0.0.1:8080/auth/callback"
        package var sessionHours = 8.0
    }

    package struct Mail: Codable, Sendable, Equatable {
        /// `file` (messages as `.eml` files in `directory`) or `smtp`.
        package var transport = "file"
        /// Empty: `_mail` inside `tenants.directory`.
        package var directory = ""
        package var smtpHost = "127.0.0.1"
        package var smtpPort = 25
        package var from = "Kompetanseportal <ikke-svar@kompetanseportal.invalid>"
        /// How often the delivery worker looks for due messages (it is also woken when mail is queued).
        package var pollSeconds = 30.0
    }

    package struct Agreements: Codable, Sendable, Equatable {
        /// The published agreement templates, one folder per version (verified against their manifest).
        package var contractsDirectory = "Contracts"
    }

    package struct Log: Codable, Sendable, Equatable {
        package var level = "info"
    }

    package var http = HTTP()
    package var tenants = Tenants()
    package var auth = Auth()
    package var devIssuer = DevelopmentIssuer()
    package var login = Login()
    package var mail = Mail()
    package var agreements = Agreements()
    package var log = Log()

    package init() {}

    package init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        http = try container.decodeIfPresent(HTTP.self, forKey: .http) ?? HTTP()
        tenants = try container.decodeIfPresent(Tenants.self, forKey: .tenants) ?? Tenants()
        auth = try container.decodeIfPresent(Auth.self, forKey: .auth) ?? Auth()
        devIssuer = try container.decodeIfPresent(DevelopmentIssuer.self, forKey: .devIssuer) ?? DevelopmentIssuer()
        login = try container.decodeIfPresent(Login.self, forKey: .login) ?? Login()
        mail = try container.decodeIfPresent(Mail.self, forKey: .mail) ?? Mail()
        agreements = try container.decodeIfPresent(Agreements.self, forKey: .agreements) ?? Agreements()
        log = try container.decodeIfPresent(Log.self, forKey: .log) ?? Log()
    }
}

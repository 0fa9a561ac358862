import Foundation

/// Non-secret settings, read from `Config/*.json` and overridden by `KP_…` environment variables.
///
/// The values given here are the built-in defaults. Which key sets which property, its environment
/// variable and its description are listed once, in `AppConfiguration.settings`; loading goes through
/// swift-configuration (`AppConfiguration+Loading.swift`). Secrets are never here: see `AppSecrets`.
package struct AppConfiguration: Sendable, Equatable {
    package struct HTTP: Sendable, Equatable {
        package var host = "127.0.0.1"
        package var port = 8080
        /// Requests with a larger body are refused with 413 before any handler runs.
        package var maxBodyBytes = 64 * 1024
        /// The larger limit of the one upload route (a scanned paper agreement, PDF).
        package var maxUploadBytes = 10 * 1024 * 1024 + 64 * 1024
        /// Where users reach the portal; links in e-mails start with it. When loaded and not set, it is
        /// derived from `host` and `port` (see `AppConfiguration.settings`).
        package var publicBaseURL = "http://127.0.0.1:8080"

        package init() {}
    }

    package struct Tenants: Sendable, Equatable {
        package var directory = "Tenants"
        /// How many tenant database pools may be open at once (beyond that, unused pools close by adaptive
        /// replacement, `TenantStore+Eviction`); 0: as many as the file limit and the memory allow (`TenantPoolCap`).
        package var maxOpen = 0
        /// How long a registry lookup may be served from the cache when another process changed it.
        package var registryCacheSeconds = 2.0
        /// Start with tenants on an older schema and migrate each when it is first opened, instead of
        /// refusing to start until `kp migrate` has run (see `AppServices.checkTenantSchemas`).
        package var migrateOnOpen = false
    }

    package struct Issuer: Sendable, Equatable {
        package var issuer: String
        package var audience: String
        package var jwksURL: String

        package init(issuer: String, audience: String, jwksURL: String) {
            self.issuer = issuer
            self.audience = audience
            self.jwksURL = jwksURL
        }
    }

    package struct Auth: Sendable, Equatable {
        package var issuers: [Issuer] = []
        package var clockSkewSeconds = 60.0
        /// The `sub` of each support staff member; their tokens unlock the support API.
        package var supportSubjects: [String] = []
        /// Accept the synthetic identity numbers of HelseID's test environment (month + 80) as `pid`; on in
        /// the demo, never in production.
        package var allowSyntheticIdentityNumbers = false
    }

    package struct DevelopmentIssuer: Sendable, Equatable {
        package var enabled = false
        package var issuer = "http://127.0.0.1:8080/dev-issuer"
        package var audience = "kompetanseportal"
    }

    package struct Login: Sendable, Equatable {
        /// Off by default; in demo mode the development issuer is the login issuer.
        package var enabled = false
        /// The OpenID issuer (HelseID); empty means the development issuer.
        package var issuer = ""
        package var clientID = "kompetanseportal"
        package var redirectURI = "http://127.0.0.1:8080/auth/callback"
        package var sessionHours = 8.0
    }

    package struct Mail: Sendable, Equatable {
        /// `file` (messages as `.eml` files in `directory`) or `smtp`.
        package var transport = "file"
        /// Empty: `_mail` inside `tenants.directory`.
        package var directory = ""
        package var smtpHost = "127.0.0.1"
        package var smtpPort = 25
        /// `required`, `opportunistic` (TLS when the relay offers it) or `off`. A password is sent only over TLS,
        /// whatever this says.
        package var smtpStartTLS = "opportunistic"
        /// Empty: no AUTH. The password comes from `KP_MAIL_SMTP_PASSWORD` only.
        package var smtpUsername = ""
        /// PEM certificates trusted for the relay's certificate; empty: the system's trust store.
        package var smtpCAFile = ""
        package var from = "Kompetanseportal <ikke-svar@kompetanseportal.invalid>"
        /// How often the delivery worker looks for due messages (it is also woken when mail is queued).
        package var pollSeconds = 30.0
    }

    package struct Metrics: Sendable, Equatable {
        /// `/metrics` on a listener of its own; off, there is no listener and requests are not counted.
        package var enabled = true
        /// Loopback by default: another address needs `KP_METRICS_TOKEN`.
        package var host = "127.0.0.1"
        /// The port OpenTelemetry's Prometheus exporter uses by convention; 0 picks a free port (tests).
        package var port = 9464
    }

    package struct Agreements: Sendable, Equatable {
        /// The published agreement templates, one folder per version (verified against their manifest).
        package var contractsDirectory = "Contracts"
    }

    /// Continuous backup with Litestream (`BackupSupervisor`); off unless asked for.
    package struct Backup: Sendable, Equatable {
        package var enabled = false
        /// A folder (a path, or `file://…`) or `s3://bucket/prefix`.
        package var replicaURL = "Backups"
        /// An S3-compatible server's URL; empty: Amazon S3.
        package var s3Endpoint = ""
        package var s3Region = "us-east-1"
        package var syncInterval = 1.0
        package var monitorSeconds = 1.0
        package var niceness = 10
        package var tenantsPerProcess = 2000
        package var checkSeconds = 15.0
        package var litestreamPath = "litestream"
    }

    package struct Log: Sendable, Equatable {
        package var level = "info"
    }

    package var http = HTTP()
    package var tenants = Tenants()
    package var auth = Auth()
    package var devIssuer = DevelopmentIssuer()
    package var login = Login()
    package var mail = Mail()
    package var metrics = Metrics()
    package var agreements = Agreements()
    package var backup = Backup()
    package var log = Log()

    package init() {}
}

import Domain
import Engine
import Foundation
import Identity
import Logging
import Storage

/// Everything the server is made of, built in one place from configuration, secrets, a clock and an id
/// source. The server and the tests build it the same way; tests pass a temporary tenants folder.
package struct AppServices: Sendable {
    package private(set) var configuration: AppConfiguration
    package let directory: TenantDirectory
    package let registry: Registry
    package let tenantStore: TenantStore
    /// Brings tenant files to the store's schema and records their versions (`kp migrate`, the start check).
    package let tenantMigrator: TenantMigrator
    package let provisioner: TenantProvisioner
    package let offboarding: TenantOffboarding
    /// The platform's sealing key (countersigned agreements, statements).
    package let seal: PlatformSeal
    /// `Contracts/`: read again for every offer, so an altered file is caught at once.
    package let contractsDirectory: URL
    package let verifier: TokenVerifier
    /// The keyed hash the verifier turns pids into person keys with; tools that create people (the
    /// development seed) must use the same one, or tokens would not find them.
    package let pidHasher: PIDHasher
    package let developmentIssuer: DevelopmentIssuer?
    package let mailer: MailDeliveryService
    /// What `/metrics` serves (see `ServerMetrics`); other services add their gauges to it.
    package let metrics: ServerMetrics
    /// `KP_METRICS_TOKEN`, when set: the bearer token a scrape must send.
    package let metricsToken: String?
    /// The HelseID login client, when `login.enabled`.
    package let loginClient: LoginClient?
    /// The development issuer's authorization endpoints (PAR, authorize, token), when it is enabled.
    package let developmentAuthorization: DevelopmentAuthorizationServer?
    /// The continuous backup, when `backup.enabled`: `kp serve` runs it next to the server.
    package let backup: BackupSupervisor?
    /// The shared domain engine every handler calls.
    package let engine: Engine
    package let logger: Logger
    package let now: @Sendable () -> Date
    package let newID: @Sendable () -> UUID

    /// `tenantSchema`: this binary's unless a test or the migration benchmark adds its test migration.
    /// `checkpointsInBackground`: the server's tenant store checkpoints the WALs off the request path
    /// (`WALCheckpoints.background`); a command, which runs no such loop, leaves them to SQLite.
    package init(
        configuration: AppConfiguration, secrets: AppSecrets, logger: Logger,
        now: @escaping @Sendable () -> Date = { Date() },
        newID: @escaping @Sendable () -> UUID = { RandomUUID.make() },
        tenantSchema: TenantSchema = .current, checkpointsInBackground: Bool = false
    ) throws {
        self.configuration = configuration
        self.logger = logger
        self.now = now
        self.newID = newID
        let directory = TenantDirectory(root: URL(fileURLWithPath: configuration.tenants.directory, isDirectory: true))
        self.directory = directory
        let registry = try Registry(
            path: directory.registryPath, kommuner: try KommuneCatalog.bundled(),
            cacheLifetime: .milliseconds(Int(configuration.tenants.registryCacheSeconds * 1000)), now: now())
        self.registry = registry
        let metrics = ServerMetrics()
        self.metrics = metrics
        self.metricsToken = secrets.metricsToken
        let maximumOpen: Int
        if configuration.tenants.maxOpen > 0 {
            maximumOpen = configuration.tenants.maxOpen
        } else {
            let cap = TenantPoolCap.forThisProcess(backup: configuration.backup.enabled)
            maximumOpen = cap.value
            logger.info(
                "tenant pools sized", metadata: [
                    "maxOpen": "\(cap.value)", "fileLimit": "\(cap.fileLimit)", "memoryMiB": "\(cap.memoryBytes >> 20)",
                ])
        }
        let store = try TenantStore(
            directory: directory, maximumOpen: maximumOpen, logger: logger,
            metrics: TenantStoreMetrics(factory: metrics.factory), now: now,
            schema: tenantSchema, checkpoints: configuration.backup.enabled ? .litestream : checkpointsInBackground ? .background : .sqlite,
            migrated: { id, version in
                do { try registry.recordSchemaVersion(id, version: version, at: now()) } catch {
                    logger.warning("recording a tenant's schema version failed", metadata: ["tenant": "\(id)"])
                }
            })
        self.tenantStore = store
        self.tenantMigrator = TenantMigrator(registry: registry, directory: directory, schema: tenantSchema, now: now)
        self.provisioner = TenantProvisioner(registry: registry, store: store)
        self.backup =
            configuration.backup.enabled
            ? try BackupSupervisor(directory: directory, settings: configuration.backup.settings(), logger: logger) : nil
        self.offboarding = TenantOffboarding(registry: registry, store: store)
        let seal = try PlatformSeal(privateKey: secrets.sealKey)
        self.seal = seal
        let contractsDirectory = URL(fileURLWithPath: configuration.agreements.contractsDirectory, isDirectory: true)
        self.contractsDirectory = contractsDirectory

        var issuers = configuration.auth.issuers.map {
            TrustedIssuer(issuer: $0.issuer, audience: $0.audience, keys: .remote(jwksURL: $0.jwksURL))
        }
        if configuration.devIssuer.enabled, let pem = secrets.developmentIssuerKeyPEM {
            let issuer = try DevelopmentIssuer(
                issuer: configuration.devIssuer.issuer, audience: configuration.devIssuer.audience, privateKeyPEM: pem)
            issuers.append(issuer.trustedIssuer)
            self.developmentIssuer = issuer
        } else {
            self.developmentIssuer = nil
        }
        let mail = configuration.mail
        let transport: any MailTransport =
            try mail.transport == "smtp"
            ? SMTPMailTransport(
                host: mail.smtpHost, port: mail.smtpPort, heloName: "kompetanseportal", timeoutSeconds: 30,
                startTLS: SMTPStartTLS(rawValue: mail.smtpStartTLS) ?? .required,
                credentials: secrets.smtpPassword.map {
                    SMTPMailTransport.Credentials(username: mail.smtpUsername, password: $0)
                },
                caFile: mail.smtpCAFile)
            : FileMailTransport(
                folder: configuration.mail.directory.isEmpty
                    ? directory.root.appendingPathComponent("_mail", isDirectory: true)
                    : URL(fileURLWithPath: configuration.mail.directory, isDirectory: true))
        self.mailer = MailDeliveryService(
            registry: registry, store: store, transport: transport, from: configuration.mail.from,
            pollInterval: .milliseconds(Int(configuration.mail.pollSeconds * 1000)), logger: logger,
            metrics: metrics.factory, now: now)
        Self.addGauges(to: metrics, store: store, registry: registry, mailer: self.mailer, logger: logger, now: now)
        let pidHasher = try PIDHasher(secret: secrets.pidHashKey)
        self.pidHasher = pidHasher
        let verifier = TokenVerifier(
            issuers: issuers, hasher: pidHasher,
            supportSubjects: Set(configuration.auth.supportSubjects),
            clockSkew: configuration.auth.clockSkewSeconds,
            allowSyntheticIdentityNumbers: configuration.auth.allowSyntheticIdentityNumbers, now: now)
        self.verifier = verifier
        let login = configuration.login
        let signer = try secrets.loginClientKeyPEM.map {
            try ClientAssertionSigner(clientID: login.clientID, privateKeyPEM: $0)
        }
        if login.enabled, let signer {
            let issuer = login.issuer.isEmpty ? configuration.devIssuer.issuer : login.issuer
            self.loginClient = LoginClient(
                configuration: .init(issuer: issuer, clientID: login.clientID, redirectURI: login.redirectURI),
                signer: signer, verifier: verifier)
        } else {
            self.loginClient = nil
        }
        let mailer = self.mailer
        self.engine = Engine(
            registry: registry, store: store, directory: directory, seal: seal, contractsDirectory: contractsDirectory,
            publicBaseURL: configuration.http.publicBaseURL, maxUploadBytes: configuration.http.maxUploadBytes,
            mail: MailSignal(tenant: { mailer.notify($0) }, registry: { mailer.notifyRegistry() }),
            loginClient: loginClient, sessionLifetime: login.sessionHours * 3600, logger: logger, now: now, newID: newID)
        if let developmentIssuer {
            // The portal's own login client is registered with the development issuer, as it would be in
            // HelseID's self-service.
            let clients = signer.map {
                [DevelopmentAuthorizationServer.Client(id: $0.clientID, publicJWK: $0.publicJWK, redirectURIs: [login.redirectURI])]
            } ?? []
            self.developmentAuthorization = DevelopmentAuthorizationServer(
                issuer: developmentIssuer, clients: clients, apiAudience: configuration.devIssuer.audience, now: now)
        } else {
            self.developmentAuthorization = nil
        }
    }
}

extension AppServices {
    /// The state read at each scrape: open pools, the outbox backlog, the audit chain's length.
    private static func addGauges(
        to metrics: ServerMetrics, store: TenantStore, registry: Registry, mailer: MailDeliveryService,
        logger: Logger, now: @escaping @Sendable () -> Date
    ) {
        metrics.addGauge("kp_tenant_databases_open") { Double(store.openCount) }
        metrics.addGauge("kp_tenant_databases_max") { Double(store.maximumOpen) }
        metrics.addGauge("kp_mail_outbox_depth") { Double(mailer.backlog.count) }
        metrics.addGauge("kp_mail_outbox_oldest_age_seconds") {
            mailer.backlog.oldest.map { max(0, now().timeIntervalSince($0)) } ?? 0
        }
        metrics.addCounter("kp_audit_entries_total") {
            do { return try registry.auditEntryCount() } catch {
                logger.warning("metrics: audit log unreadable", metadata: ["error": "\(String(reflecting: type(of: error)))"])
                return nil
            }
        }
    }

    /// The same services with other network settings (command-line overrides of `http.*`).
    package func with(configuration: AppConfiguration) -> AppServices {
        var copy = self
        copy.configuration = configuration
        return copy
    }
}

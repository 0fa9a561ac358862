/// Every configuration key, once: the single source for loading, environment variables and the README.
extension AppConfiguration {
    /// In reading order: a derived setting comes after the settings it is derived from.
    package static var settings: [ConfigurationSetting] {
        [
            .string("http.host", \.http.host, "the address the server listens on"),
            .integer("http.port", \.http.port, "the port the server listens on"),
            .integer("http.maxBodyBytes", \.http.maxBodyBytes, "larger request bodies are refused with 413"),
            .integer(
                "http.maxUploadBytes", \.http.maxUploadBytes,
                "the largest file an upload takes: a paper agreement, a catalog, an activity's attachment, "
                    + "an imported record"),
            .derived(
                "http.publicBaseURL", \.http.publicBaseURL,
                "where users reach the portal; links in e-mails start with it",
                default: "`http://{http.host}:{http.port}`", from: { $0.http.ownBaseURL }),
            .string("tenants.directory", \.tenants.directory, "the registry and one folder per tenant database"),
            .integer("tenants.maxOpen", \.tenants.maxOpen, "tenant database pools open at once (beyond that, unused pools close by adaptive replacement); 0: sized from the file limit and memory"),
            .number(
                "tenants.registryCacheSeconds", \.tenants.registryCacheSeconds,
                "how stale a registry lookup may be after a change by another process"),
            .boolean(
                "tenants.migrateOnOpen", \.tenants.migrateOnOpen,
                "start with tenants on an older schema and migrate each one when it is first opened; otherwise the server refuses to start until `kp migrate` has run"),
            .issuers(
                "auth.issuers", \.auth.issuers,
                "`{issuer, audience, jwksURL}` of each trusted OpenID issuer (HelseID)"),
            .number("auth.clockSkewSeconds", \.auth.clockSkewSeconds, "tolerance on a token's `exp` and `nbf`"),
            .list(
                "auth.supportSubjects", \.auth.supportSubjects,
                "the `sub` of each support staff member (`[\"dev-support\"]` in `Config/demo.json`)"),
            .boolean(
                "auth.allowSyntheticIdentityNumbers", \.auth.allowSyntheticIdentityNumbers,
                "accept test environments' synthetic identity numbers (month + 80) as `pid` (on in `Config/demo.json`)"),
            .boolean("devIssuer.enabled", \.devIssuer.enabled, "the development token issuer (on with `--demo`)"),
            .derived(
                "devIssuer.issuer", \.devIssuer.issuer, "the development issuer's `iss`, served at `/dev-issuer`",
                default: "`{http.publicBaseURL}/dev-issuer`", from: { $0.http.url(path: "/dev-issuer") }),
            .string("devIssuer.audience", \.devIssuer.audience, "the `aud` of development tokens"),
            .boolean("login.enabled", \.login.enabled, "the HelseID login at `/auth/login` (on with `--demo`)"),
            .string("login.issuer", \.login.issuer, "the OpenID issuer to log in with; empty: the development issuer"),
            .string("login.clientID", \.login.clientID, "the portal's client id at the issuer"),
            .derived(
                "login.redirectURI", \.login.redirectURI, "where the issuer sends the browser back to",
                default: "`{http.publicBaseURL}/auth/callback`", from: { $0.http.url(path: "/auth/callback") }),
            .number("login.sessionHours", \.login.sessionHours, "how long a login session lasts"),
            .string("mail.transport", \.mail.transport, "`file` (`.eml` files in `mail.directory`) or `smtp`"),
            .string(
                "mail.directory", \.mail.directory, "where `file` mail goes; empty: `_mail` in `tenants.directory`"),
            .string("mail.smtpHost", \.mail.smtpHost, "the SMTP server (transport `smtp`)"),
            .integer("mail.smtpPort", \.mail.smtpPort, "the SMTP server's port"),
            .string(
                "mail.smtpStartTLS", \.mail.smtpStartTLS,
                "`required`, `opportunistic` (when the server offers it) or `off`: STARTTLS before anything is sent"),
            .string(
                "mail.smtpUsername", \.mail.smtpUsername,
                "AUTH PLAIN or LOGIN as this user (password: `KP_MAIL_SMTP_PASSWORD`, sent only over TLS); empty: no AUTH"),
            .string(
                "mail.smtpCAFile", \.mail.smtpCAFile,
                "PEM certificates trusted for the SMTP server's certificate; empty: the system's trust store"),
            .string("mail.from", \.mail.from, "the sender of every e-mail"),
            .number("mail.pollSeconds", \.mail.pollSeconds, "how often the delivery worker looks for due messages"),
            .boolean("metrics.enabled", \.metrics.enabled, "Prometheus `/metrics` on a listener of its own"),
            .string(
                "metrics.host", \.metrics.host,
                "the address of the metrics listener; other than loopback, `KP_METRICS_TOKEN` is required"),
            .integer("metrics.port", \.metrics.port, "the port of the metrics listener (0: any free port)"),
            .string(
                "agreements.contractsDirectory", \.agreements.contractsDirectory,
                "the published agreement templates, verified again for every offer"),
            .boolean(
                "backup.enabled", \.backup.enabled,
                "`kp serve` runs Litestream, replicating the registry and every tenant database"),
            .string(
                "backup.replicaURL", \.backup.replicaURL,
                "where the replicas go: a folder (a path or `file://…`) or `s3://bucket/prefix`"),
            .string(
                "backup.s3Endpoint", \.backup.s3Endpoint,
                "an S3-compatible server's URL; empty: Amazon S3 (keys from `AWS_ACCESS_KEY_ID`, `AWS_SECRET_ACCESS_KEY`)"),
            .string("backup.s3Region", \.backup.s3Region, "the S3 region"),
            .number(
                "backup.syncInterval", \.backup.syncInterval,
                "seconds between uploads of new changes: the most a lost disk loses"),
            .number(
                "backup.monitorSeconds", \.backup.monitorSeconds,
                "seconds between Litestream's looks at each file for changes; longer saves CPU with thousands of tenants, and adds to what a lost disk loses"),
            .integer(
                "backup.niceness", \.backup.niceness,
                "the CPU priority of the Litestream processes (`nice`, 0 to 19): requests go first, the backup uses what is left"),
            .integer(
                "backup.tenantsPerProcess", \.backup.tenantsPerProcess,
                "tenant databases per Litestream process (more tenants: more processes)"),
            .number(
                "backup.checkSeconds", \.backup.checkSeconds,
                "how often each Litestream process is checked end to end (a heartbeat written, then found on the replica)"),
            .string("backup.litestreamPath", \.backup.litestreamPath, "the Litestream executable (a bare name is looked up in `PATH`)"),
            .string("log.level", \.log.level, "`trace`, `debug`, `info`, `notice`, `warning`, `error` or `critical`"),
        ]
    }
}

extension AppConfiguration.HTTP {
    /// `http://host:port`, with a listen-on-everything address replaced by loopback so the URL can be opened.
    var ownBaseURL: String {
        let reachable =
            switch host {
            case "", "0.0.0.0": "127.0.0.1"
            case "::": "::1"
            default: host
            }
        return "http://\(reachable.contains(":") ? "[\(reachable)]" : reachable):\(port)"
    }

    /// A path on `publicBaseURL`.
    func url(path: String) -> String {
        (publicBaseURL.hasSuffix("/") ? String(publicBaseURL.dropLast()) : publicBaseURL) + path
    }
}

import Domain
import Foundation
import Storage
import TestSupport
import Testing

@testable import API

/// Delivery through a relay as production has them: aiosmtpd with a certificate made for the test, STARTTLS
/// required and AUTH for one user (`Tests/Tools/smtp_relay.py`).
@Suite(.enabled(if: SMTPServer.required, "needs aiosmtpd: pip install aiosmtpd"))
struct SMTPRelayTests {
    static let user = "portal"
    static let password = "relay-secret"

    /// A folder with a certificate, and a relay that requires STARTTLS and AUTH.
    struct Relay {
        let folder: TemporaryFolder
        let certificate: TestCertificate
        let server: SMTPServer
        var maildir: URL { server.maildir }
        var authLog: URL { folder.url.appendingPathComponent("auth.log") }

        init(tls: Bool = true) async throws {
            folder = try TemporaryFolder()
            certificate = try TestCertificate(in: folder.url)
            server = try await SMTPServer(
                relayInto: folder.url.appendingPathComponent("maildir"), certificate: tls ? certificate : nil,
                user: SMTPRelayTests.user, password: SMTPRelayTests.password,
                authLog: folder.url.appendingPathComponent("auth.log"))
        }

        /// The mechanisms of the AUTH attempts the relay saw.
        var authAttempts: [String] {
            ((try? String(contentsOf: authLog, encoding: .utf8)) ?? "").split(separator: "\n").map(String.init)
        }
    }

    /// An invitation fixture whose mail goes to `relay` as `user` with `password`.
    static func fixture(
        _ relay: Relay, password: String? = SMTPRelayTests.password, startTLS: String = "required",
        trusted: Bool = true
    ) async throws -> InvitationFixture {
        try await InvitationFixture(smtpPort: relay.server.port, smtpPassword: password) { configuration in
            configuration.mail.smtpStartTLS = startTLS
            configuration.mail.smtpUsername = password == nil ? "" : SMTPRelayTests.user
            configuration.mail.smtpCAFile = trusted ? relay.certificate.certificate.path : ""
        }
    }

    static func backlog(_ fixture: InvitationFixture) async throws -> OutboxBacklog {
        try await fixture.app.services.tenantStore.withDatabase(fixture.tenant) { try $0.outboxBacklog() }
    }

    @Test("A message goes through STARTTLS and AUTH to the relay, and arrives")
    func deliveredWithStartTLSAndAuth() async throws {
        let relay = try await Relay()
        defer { relay.server.stop() }
        let fixture = try await Self.fixture(relay)
        let invited = try await fixture.invite("veileder", email: "vera.veileder@bergen.kommune.no")
        #expect(invited.status == .created)
        let received = ReceivedMail.all(in: relay.maildir)
        #expect(received.map(\.to) == ["vera.veileder@bergen.kommune.no"])
        #expect(received.first?.subject == "Invitasjon: veileder for Lise Lege")
        #expect(relay.authAttempts == ["PLAIN"])
        #expect(try await Self.backlog(fixture).count == 0)
    }

    @Test("A wrong password leaves the message in the outbox with the relay's refusal as its error")
    func wrongPasswordIsRecorded() async throws {
        let relay = try await Relay()
        defer { relay.server.stop() }
        let fixture = try await Self.fixture(relay, password: "not-the-password")
        #expect(try await fixture.invite("veileder", email: "vera@example.no").status == .created)
        #expect(ReceivedMail.all(in: relay.maildir).isEmpty)
        #expect(relay.authAttempts == ["PLAIN"])
        let backlog = try await Self.backlog(fixture)
        #expect(backlog.count == 1)
        let error = try #require(backlog.lastError)
        #expect(error.contains("SMTP authentication failed: 535"), "\(error)")
        #expect(!error.contains("not-the-password"))
    }

    @Test("A relay that offers no STARTTLS gets neither the password nor the message")
    func noPasswordWithoutTLS() async throws {
        // The relay offers AUTH in plain text: a client that sent its password would get in.
        let relay = try await Relay(tls: false)
        defer { relay.server.stop() }
        let fixture = try await Self.fixture(relay, startTLS: "opportunistic")
        #expect(try await fixture.invite("veileder", email: "vera@example.no").status == .created)
        #expect(ReceivedMail.all(in: relay.maildir).isEmpty)
        #expect(relay.authAttempts.isEmpty, "no AUTH reached the relay")
        let error = try #require(try await Self.backlog(fixture).lastError)
        #expect(error.contains("not encrypted") && error.contains("password was not sent"), "\(error)")
    }

    @Test("With STARTTLS required, a relay that does not offer it gets nothing")
    func requiredStartTLSRefusesAPlainRelay() async throws {
        let folder = try TemporaryFolder()
        let server = try await SMTPServer(maildir: folder.url.appendingPathComponent("maildir"))
        defer { server.stop() }
        let fixture = try await InvitationFixture(smtpPort: server.port) { $0.mail.smtpStartTLS = "required" }
        #expect(try await fixture.invite("veileder", email: "vera@example.no").status == .created)
        #expect(ReceivedMail.all(in: server.maildir).isEmpty)
        let error = try #require(try await Self.backlog(fixture).lastError)
        #expect(error.contains("does not offer STARTTLS"), "\(error)")
    }

    @Test("A relay whose certificate is not trusted gets no password and no message")
    func untrustedCertificateIsRefused() async throws {
        let relay = try await Relay()
        defer { relay.server.stop() }
        let fixture = try await Self.fixture(relay, trusted: false)
        #expect(try await fixture.invite("veileder", email: "vera@example.no").status == .created)
        #expect(ReceivedMail.all(in: relay.maildir).isEmpty)
        #expect(relay.authAttempts.isEmpty)
        let error = try #require(try await Self.backlog(fixture).lastError)
        #expect(error.hasPrefix("TLS:") || error.contains("certificate"), "\(error)")
    }

    @Test("A username needs the password from the environment, and STARTTLS not off")
    func credentialsAreChecked() throws {
        let base = ["KP_PID_HASH_KEY": String(repeating: "ab", count: 32), "KP_SEAL_KEY": String(repeating: "cd", count: 32)]
        let environment = base.merging(["KP_MAIL_TRANSPORT": "smtp", "KP_MAIL_SMTPUSERNAME": "portal"]) { $1 }
        let configuration = try AppConfiguration.load(file: nil, environment: environment)
        #expect(throws: ConfigurationError.secretRequired("KP_MAIL_SMTP_PASSWORD", by: "mail.smtpUsername")) {
            try AppSecrets.load(environment: environment, configuration: configuration, demoFolder: nil)
        }
        let secrets = try AppSecrets.load(
            environment: environment.merging(["KP_MAIL_SMTP_PASSWORD": "p"]) { $1 }, configuration: configuration,
            demoFolder: nil)
        #expect(secrets.smtpPassword == "p")
        #expect(throws: ConfigurationError.self) {
            try AppConfiguration.load(
                file: nil, environment: environment.merging(["KP_MAIL_SMTPSTARTTLS": "off"]) { $1 })
        }
        #expect(throws: ConfigurationError.self) {
            try AppConfiguration.load(file: nil, environment: ["KP_MAIL_SMTPSTARTTLS": "sometimes"])
        }
    }
}

import Domain
import Foundation
import HTTPTypes
import HummingbirdTesting
import TestSupport
import Testing

@testable import API

/// The SMTP path against a real SMTP server (aiosmtpd); required in CI, skipped locally without it.
@Suite(.enabled(if: SMTPServer.required, "needs aiosmtpd: pip install aiosmtpd"))
struct MailDeliveryTests {
    @Test func anInvitationArrivesOverSMTPWithRecipientSubjectAndLink() async throws {
        let folder = try TemporaryFolder()
        let maildir = folder.url.appendingPathComponent("maildir")
        let server = try await SMTPServer(maildir: maildir)
        defer { server.stop() }
        let fixture = try await InvitationFixture(smtpPort: server.port)
        let invited = try await fixture.invite("veileder", email: "vera.veileder@bergen.kommune.no")
        #expect(invited.status == .created)
        let received = ReceivedMail.all(in: maildir)
        #expect(received.count == 1)
        let mail = try #require(received.first)
        #expect(mail.to == "vera.veileder@bergen.kommune.no")
        #expect(mail.subject == "Invitasjon: veileder for Lise Lege")
        let token = try #require(mail.token)
        let veileder = try await fixture.app.token(subject: "v-1", pid: "30108299920", name: "Vera Veileder")
        #expect(try await fixture.accept(token, as: veileder).status == .ok)
    }

    @Test func aFailedDeliveryKeepsTheMessageAndRetriesLater() async throws {
        let folder = try TemporaryFolder()
        let maildir = folder.url.appendingPathComponent("maildir")
        // Nothing listens on this port yet.
        let port = Int.random(in: 40_000..<50_000)
        let fixture = try await InvitationFixture(smtpPort: port)
        let invited = try await fixture.invite("supervisor", email: "siri@example.no")
        #expect(invited.status == .created)
        let stillQueued = try await fixture.app.services.tenantStore.withDatabase(fixture.tenant) { try $0.hasUnsentMail() }
        #expect(stillQueued)
        #expect(try await fixture.app.services.tenantStore.withDatabase(fixture.tenant) {
            try $0.dueMail(at: fixture.app.clock.now)
        }.isEmpty, "the next attempt waits for the backoff")

        let server = try await SMTPServer(maildir: maildir, port: port)
        defer { server.stop() }
        #expect(await fixture.app.services.mailer.deliverDue() == 0, "not due yet")
        fixture.app.clock.advance(by: 61)
        #expect(await fixture.app.services.mailer.deliverDue() == 1)
        #expect(ReceivedMail.all(in: maildir).map(\.to) == ["siri@example.no"])
        let pending = try await fixture.app.services.tenantStore.withDatabase(fixture.tenant) { try $0.hasUnsentMail() }
        #expect(!pending)
    }
}

import Domain
import Foundation
import Storage
import TestSupport
import Testing

@testable import Engine

/// The e-mails come from their templates as plain text: the lines as written, a name exactly as typed.
@Suite struct MailTextTests {
    static let tenant = Tenant(
        id: Fixtures.tenantID("kommune-0301"), kind: .kommune, organisationNumber: nil, kommunenummer: nil,
        name: "Oslo <script>alert(1)</script>", status: .registered, provisionedAt: nil, createdAt: Fixtures.now,
        updatedAt: Fixtures.now)

    @Test func theSignersInvitationCarriesThePagesLinkAndTheNameAsTyped() throws {
        let invitation = try AdministratorInvitation.create(
            tenant: Self.tenant, name: "Rita & Co", email: "rita@oslo.kommune.no", invitedBy: "support:x",
            tokenHash: "h", id: UUID(), at: Fixtures.now)
        let mail = AgreementMail.administratorInvitation(
            invitation, tenant: Self.tenant, token: "abc_-1", baseURL: "https://portal.example", id: UUID())
        #expect(
            mail.body.hasPrefix(
                "Hei Rita & Co,\n\nDu er oppgitt som den som kan signere databehandleravtalen for Oslo <script>alert(1)</script> kommune i Kompetanseportal.\n\n"
            ))
        #expect(
            mail.body.contains(
                "og godta rollen her:\nhttps://portal.example/kontaktperson/godta?tenant=kommune-0301&token=abc_-1\n\n")
        )
        #expect(
            mail.body.contains(
                "gjelder til og med \(AgreementMail.norwegianDate(invitation.expiresAt)).\n\nVennlig hilsen\nKompetanseportal"
            ))
        #expect(!mail.body.contains("&amp;") && !mail.body.contains("&lt;"))
        #expect(!mail.body.contains("mangler"))
    }

    @Test func aRefusedRegistrationGivesTheReasonAndNoApprovalText() throws {
        var registration = try Registration.submit(
            organisationNumber: Fixtures.legesenteretOrgnr, name: "Legesenteret AS", contactEmail: "post@lege.no",
            programmes: ["alis"],
            by: Principal(
                issuer: "i", subject: "s", personKey: try PersonKey(hex: String(repeating: "a", count: 64)),
                hprNumber: nil,
                name: "Per Søker", securityLevel: .level4, isSupport: false), id: UUID(), at: Fixtures.now)
        registration = try registration.rejected(
            reason: "Ikke en utdanningsvirksomhet", by: "support:x", at: Fixtures.now)
        let mail = AgreementMail.registrationDecided(registration, id: UUID())
        #expect(mail.subject == "Registreringen av Legesenteret AS er avslått")
        #expect(mail.body.contains("er avslått.\n\nBegrunnelse: Ikke en utdanningsvirksomhet\n\nTa kontakt"))
        #expect(!mail.body.contains("godkjent"))
    }
}

import Domain
import Foundation
import Storage

extension AgreementMail {
    /// To a LIS, or their leder, when the tenant's agreement is terminated: the day the portal closes, and
    /// how the LIS takes their sealed record along (their specialist approval rests on it). Nothing about
    /// the training itself.
    static func terminationNotice(
        tenant: Tenant, closesAt: Date, recipient: TenantDatabase.TerminationRecipient, baseURL: String, id: UUID
    ) -> OutgoingMail {
        struct View {
            let traineeName, tenantName, closes, baseURL: String
        }
        let closes = norwegianDate(closesAt)
        let body = MailTemplates.render(
            View(traineeName: recipient.traineeName, tenantName: tenant.partyName, closes: closes, baseURL: baseURL),
            template: recipient.isLeder ? "termination-notice-leder" : "termination-notice-lis")
        return OutgoingMail(
            id: id, recipient: recipient.email,
            subject: "Kompetanseportal stenges for \(tenant.partyName) \(closes): ta med dokumentasjonen din", body: body)
    }

    /// To the tenant's administrator: the sealed statement that the data was returned or deleted, as the
    /// agreement is sent when countersigned.
    static func statement(tenant: Tenant, sealed: SealedDocument, recipient: String, baseURL: String, id: UUID)
        -> OutgoingMail
    {
        struct View {
            let tenantName, what, algorithm, keyID, verifyURL, sealedFile: String
        }
        let what = sealed.kind == "data-return-statement" ? "tilbakelevert" : "slettet"
        let body = MailTemplates.render(
            View(
                tenantName: tenant.partyName, what: what, algorithm: sealed.seal.algorithm, keyID: sealed.seal.keyID,
                verifyURL: baseURL + "/verifiser", sealedFile: sealed.fileText),
            template: "statement")
        return OutgoingMail(
            id: id, recipient: recipient, subject: "Erklæring: dataene til \(tenant.partyName) er \(what)", body: body)
    }
}

import Domain
import Foundation

/// The onboarding e-mails, in Norwegian (bokmål): the texts are the templates in `Mail/Templates`.
package enum AgreementMail {
    static func administratorInvitation(
        _ invitation: AdministratorInvitation, tenant: Tenant, token: String, baseURL: String, id: UUID
    ) -> OutgoingMail {
        var link = URLComponents(string: baseURL + "/kontaktperson/godta") ?? URLComponents()
        link.queryItems = [URLQueryItem(name: "tenant", value: tenant.id.rawValue), URLQueryItem(name: "token", value: token)]
        struct View {
            let name, tenantName, link, expires: String
        }
        let body = MailTemplates.render(
            View(
                name: invitation.name, tenantName: tenant.partyName, link: link.string ?? baseURL,
                expires: norwegianDate(invitation.expiresAt)),
            template: "administrator-invitation")
        return OutgoingMail(
            id: id, recipient: invitation.email, subject: "Databehandleravtale for \(tenant.partyName): du er signatar", body: body)
    }

    static func countersigned(
        tenant: Tenant, agreement: Agreement, sealed: SealedDocument, document: String, recipient: String,
        baseURL: String, id: UUID
    ) -> OutgoingMail {
        struct View {
            let tenantName, inForceFrom, signerName, signedOn, countersignerName, countersignedOn: String
            let version, documentHash, algorithm, keyID, verifyURL, document, sealedFile: String
        }
        let countersignedAt = agreement.countersignature?.at ?? agreement.signature.at
        let body = MailTemplates.render(
            View(
                tenantName: tenant.partyName, inForceFrom: norwegianDate(countersignedAt),
                signerName: agreement.signature.name, signedOn: norwegianDate(agreement.signature.at),
                countersignerName: agreement.countersignature?.name ?? "", countersignedOn: norwegianDate(countersignedAt), version: agreement.templateVersion,
                documentHash: agreement.documentHash, algorithm: sealed.seal.algorithm, keyID: sealed.seal.keyID,
                verifyURL: baseURL + "/verifiser", document: document, sealedFile: sealed.fileText),
            template: "countersigned")
        return OutgoingMail(
            id: id, recipient: recipient, subject: "Databehandleravtalen for \(tenant.partyName) er kontrasignert", body: body)
    }

    static func terminated(tenant: Tenant, party: String, recipient: String, id: UUID) -> OutgoingMail {
        struct View {
            let tenantName, party, closes: String
        }
        let body = MailTemplates.render(
            View(tenantName: tenant.partyName, party: party, closes: tenant.closesAt.map(norwegianDate) ?? ""),
            template: "terminated")
        return OutgoingMail(id: id, recipient: recipient, subject: "Databehandleravtalen for \(tenant.partyName) er sagt opp", body: body)
    }

    static func registrationDecided(_ registration: Registration, id: UUID) -> OutgoingMail {
        struct View {
            let applicantName, name, organisationNumber, reason: String
            let approved: Bool
        }
        let approved = registration.state == .approved
        let body = MailTemplates.render(
            View(
                applicantName: registration.registeredByName, name: registration.name,
                organisationNumber: registration.organisationNumber.rawValue, reason: registration.reason ?? "",
                approved: approved),
            template: "registration-decided")
        return OutgoingMail(
            id: id, recipient: registration.contactEmail,
            subject: "Registreringen av \(registration.name) er \(approved ? "godkjent" : "avslått")", body: body)
    }

    /// `23.11.2026`, the day in Norway: every date a Norwegian reader sees in mail and printouts.
    /// From the calendar's components: a format style made per call cost a twentieth of «Min side».
    package static func norwegianDate(_ date: Date) -> String {
        let parts = osloCalendar.dateComponents([.year, .month, .day], from: date)
        let day = parts.day ?? 0
        let month = parts.month ?? 0
        return (day < 10 ? "0" : "") + "\(day)." + (month < 10 ? "0" : "") + "\(month).\(parts.year ?? 0)"
    }

    static let osloCalendar: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Europe/Oslo") ?? .gmt
        return calendar
    }()
}

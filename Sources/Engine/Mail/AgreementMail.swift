import Domain
import Foundation

/// The onboarding e-mails, in Norwegian (bokmål).
package enum AgreementMail {
    static func administratorInvitation(
        _ invitation: AdministratorInvitation, tenant: Tenant, token: String, baseURL: String, id: UUID
    ) -> OutgoingMail {
        var link = URLComponents(string: baseURL + "/kontaktperson/godta") ?? URLComponents()
        link.queryItems = [URLQueryItem(name: "tenant", value: tenant.id.rawValue), URLQueryItem(name: "token", value: token)]
        let body = """
            Hei \(invitation.name),

            Du er oppgitt som den som kan signere databehandleravtalen for \(tenant.partyName) i Kompetanseportal.

            Logg inn med HelseID (sikkerhetsnivå 4, f.eks. BankID) og godta rollen her:
            \(link.string ?? baseURL)

            Deretter kan du lese avtalen med virksomhetens opplysninger fylt inn og signere den.
            Lenken kan brukes én gang og gjelder til og med \(norwegianDate(invitation.expiresAt)).

            Vennlig hilsen
            Kompetanseportal
            """
        return OutgoingMail(
            id: id, recipient: invitation.email, subject: "Databehandleravtale for \(tenant.partyName): du er signatar", body: body)
    }

    static func countersigned(
        tenant: Tenant, agreement: Agreement, sealed: SealedDocument, document: String, recipient: String, id: UUID
    ) -> OutgoingMail {
        let body = """
            Hei,

            Databehandleravtalen mellom \(tenant.partyName) og Kompetanseportal er nå signert av begge parter og gjelder \
            fra \(norwegianDate(agreement.countersignature?.at ?? agreement.signature.at)). Portalen er åpnet for \
            virksomhetens brukere.

            Signert av virksomheten: \(agreement.signature.name) (\(norwegianDate(agreement.signature.at)))
            Kontrasignert av leverandøren: \(agreement.countersignature?.name ?? "") (\(norwegianDate(agreement.countersignature?.at ?? agreement.signature.at)))
            Avtaleversjon: \(agreement.templateVersion), dokumentets SHA-256: \(agreement.documentHash)

            Avtalen er forseglet med plattformens nøkkel (\(sealed.seal.algorithm), nøkkel-id \(sealed.seal.keyID)). \
            Den forseglede filen står nederst i denne e-posten; lagre den som en .json-fil og kontroller den med \
            «kp agreement verify FIL» eller mot den offentlige nøkkelen på /api/v1/public/seal-key.

            ----- AVTALEN -----

            \(document)

            ----- FORSEGLET FIL (JSON) -----
            \(sealed.fileText)

            Vennlig hilsen
            Kompetanseportal
            """
        return OutgoingMail(
            id: id, recipient: recipient, subject: "Databehandleravtalen for \(tenant.partyName) er kontrasignert", body: body)
    }

    static func terminated(tenant: Tenant, party: String, recipient: String, id: UUID) -> OutgoingMail {
        let closes = tenant.closesAt.map(norwegianDate) ?? ""
        let body = """
            Hei,

            Databehandleravtalen mellom \(tenant.partyName) og Kompetanseportal er sagt opp av \(party). \
            Portalen stenges for virksomhetens brukere \(closes).

            Fra da kan kontaktpersonen velge tilbakelevering (nedlasting av databasen og en JSON-eksport) \
            eller sletting. Begge deler bekreftes med en forseglet erklæring.

            Vennlig hilsen
            Kompetanseportal
            """
        return OutgoingMail(id: id, recipient: recipient, subject: "Databehandleravtalen for \(tenant.partyName) er sagt opp", body: body)
    }

    static func registrationDecided(_ registration: Registration, id: UUID) -> OutgoingMail {
        let body: String
        if registration.state == .approved {
            body = """
                Hei \(registration.registeredByName),

                Registreringen av \(registration.name) (org.nr. \(registration.organisationNumber.rawValue)) i \
                Kompetanseportal er godkjent. Du er virksomhetens kontaktperson og kan nå logge inn med HelseID \
                (sikkerhetsnivå 4) og signere databehandleravtalen.

                Vennlig hilsen
                Kompetanseportal
                """
        } else {
            body = """
                Hei \(registration.registeredByName),

                Registreringen av \(registration.name) (org.nr. \(registration.organisationNumber.rawValue)) i \
                Kompetanseportal er avslått.

                Begrunnelse: \(registration.reason ?? "")

                Ta kontakt med brukerstøtte om du har spørsmål.

                Vennlig hilsen
                Kompetanseportal
                """
        }
        let verdict = registration.state == .approved ? "godkjent" : "avslått"
        return OutgoingMail(
            id: id, recipient: registration.contactEmail, subject: "Registreringen av \(registration.name) er \(verdict)",
            body: body)
    }

    /// `23.11.2026`, the day in Norway: every date a Norwegian reader sees in mail and printouts.
    package static func norwegianDate(_ date: Date) -> String {
        date.formatted(
            Date.VerbatimFormatStyle(
                format: "\(day: .twoDigits).\(month: .twoDigits).\(year: .defaultDigits)",
                timeZone: TimeZone(identifier: "Europe/Oslo") ?? .gmt, calendar: Calendar(identifier: .gregorian)))
    }
}

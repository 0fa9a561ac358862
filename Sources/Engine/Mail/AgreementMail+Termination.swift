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
        let closes = norwegianDate(closesAt)
        let body: String
        if recipient.isLeder {
            body = """
                Hei,

                Databehandleravtalen mellom \(tenant.partyName) og Kompetanseportal er sagt opp. Portalen stenges \
                for virksomhetens brukere \(closes).

                Du er leder for \(recipient.traineeName). Godkjenn eller underkjenn læringsmål som venter på deg før \
                \(closes). Minn gjerne LIS-en om å laste ned sin forseglede oversikt over godkjente læringsmål.

                Vennlig hilsen
                Kompetanseportal
                """
        } else {
            body = """
                Hei \(recipient.traineeName),

                Databehandleravtalen mellom \(tenant.partyName) og Kompetanseportal er sagt opp. Portalen stenges \
                for virksomhetens brukere \(closes).

                Dokumentasjonen av utdanningen din er grunnlaget for godkjenningen av spesialiseringen. Ta den med \
                deg slik:

                1. Logg inn med HelseID på \(baseURL).
                2. Last ned «Godkjente læringsmål» (en forseglet fil) og, når alle læringsmål er godkjent, \
                bekreftelsen på gjennomført tjeneste.
                3. Hos neste arbeidsgiver laster du opp den forseglede filen, så gjelder godkjenningene der.

                Fra \(closes) og til virksomhetens data er slettet kan du fortsatt laste ned disse to filene, men \
                ikke noe annet. Når dataene er slettet, kan de ikke hentes fram igjen.

                Vennlig hilsen
                Kompetanseportal
                """
        }
        return OutgoingMail(
            id: id, recipient: recipient.email,
            subject: "Kompetanseportal stenges for \(tenant.partyName) \(closes): ta med dokumentasjonen din", body: body)
    }

    /// To the tenant's administrator: the sealed statement that the data was returned or deleted, as the
    /// agreement is sent when countersigned.
    static func statement(tenant: Tenant, sealed: SealedDocument, recipient: String, id: UUID) -> OutgoingMail {
        let returned = sealed.kind == "data-return-statement"
        let what = returned ? "tilbakelevert" : "slettet"
        let body = """
            Hei,

            Kompetanseportal bekrefter at dataene til \(tenant.partyName) er \(what). Erklæringen er forseglet med \
            plattformens nøkkel (\(sealed.seal.algorithm), nøkkel-id \(sealed.seal.keyID)). Den forseglede filen \
            står nederst i denne e-posten; lagre den som en .json-fil og kontroller den mot den offentlige nøkkelen \
            på /api/v1/public/seal-key.

            ----- FORSEGLET ERKLÆRING (JSON) -----
            \(sealed.fileText)

            Vennlig hilsen
            Kompetanseportal
            """
        return OutgoingMail(
            id: id, recipient: recipient, subject: "Erklæring: dataene til \(tenant.partyName) er \(what)", body: body)
    }
}

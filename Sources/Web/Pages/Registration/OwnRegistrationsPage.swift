import Domain
import Engine

/// `/registrering`: the registrations the person has sent, and what support decided.
struct OwnRegistrationsPage: Sendable {
    struct Row: Sendable {
        let name: String
        let organisationNumber: String
        let programmes: String
        let sentOn: String
        let state: String
        let tone: String
        let explanation: String
        let agreementHref: String?
    }

    let layout: PageLayout
    let justSent: Bool
    let rows: [Row]
    let hasRows: Bool

    init(registrations: [Registration], visitor: Visitor, justSent: Bool) {
        self.layout = PageLayout(title: "Mine registreringer", visitor: visitor)
        self.justSent = justSent
        self.rows = registrations.sorted { $0.createdAt > $1.createdAt }.map { registration in
            let explanation: String =
                switch registration.state {
                case .pending: "Brukerstøtte behandler registreringen. Du får svar på e-post."
                case .approved: "Virksomheten er opprettet, og du er kontaktperson. Neste steg er å signere databehandleravtalen."
                case .rejected: "Begrunnelse: " + (registration.reason ?? "")
                }
            return Row(
                name: registration.name, organisationNumber: registration.organisationNumber.rawValue,
                programmes: registration.programmes.map(\.norwegianName).joined(separator: ", "),
                sentOn: AgreementMail.norwegianDate(registration.createdAt),
                state: Self.state(registration.state), tone: Self.tone(registration.state), explanation: explanation,
                agreementHref: registration.tenantID.map { "/virksomhet/\($0.rawValue)/avtale" })
        }
        self.hasRows = !rows.isEmpty
    }

    static func state(_ state: Registration.State) -> String {
        switch state {
        case .pending: "Venter på behandling"
        case .approved: "Godkjent"
        case .rejected: "Avvist"
        }
    }

    static func tone(_ state: Registration.State) -> String {
        switch state {
        case .pending: "warning"
        case .approved: "success"
        case .rejected: "danger"
        }
    }
}

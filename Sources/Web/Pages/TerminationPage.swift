import Domain
import Engine
import Foundation

/// `/virksomhet/{tenantId}/avslutning`: what the administrator can do at the agreement's end, by phase.
struct TerminationPage: Sendable {
    enum Phase: Sendable {
        case noAgreement
        case inForce
        case noticePeriod
        case closed(DeletionCheck)
        case deleted
    }

    struct Statement: Sendable {
        let kind: String
        let at: String
        let href: String
    }

    let layout: PageLayout
    let errors: FormErrors
    let tenantName: String
    let tenantID: String
    let notice: String?
    let noAgreement: Bool
    let canTerminate: Bool
    let inNoticePeriod: Bool
    let isClosed: Bool
    let isDeleted: Bool
    let closesOn: String
    let trainees: Int
    let notTaken: Int
    let allTaken: Bool
    let hasExport: Bool
    let exportBase: String
    let statements: [Statement]
    let hasStatements: Bool
    let noticeDate: TextField
    let reason: TextField
    let confirmCount: TextField

    init(
        tenant: Tenant, phase: Phase, hasExport: Bool, statements: [(id: String, kind: String, at: Date, sealed: String)],
        form: FormFields, errors: FormErrors, notice: String?, visitor: Visitor
    ) {
        self.layout = PageLayout(title: "Avslutte avtalen for \(tenant.name)", visitor: visitor, hasErrors: errors.hasErrors)
        self.errors = errors
        self.tenantName = tenant.name
        self.tenantID = tenant.id.rawValue
        self.notice = notice
        var check: DeletionCheck?
        switch phase {
        case .closed(let found): check = found
        default: check = nil
        }
        if case .noAgreement = phase { noAgreement = true } else { noAgreement = false }
        if case .inForce = phase { canTerminate = true } else { canTerminate = false }
        if case .noticePeriod = phase { inNoticePeriod = true } else { inNoticePeriod = false }
        if case .deleted = phase { isDeleted = true } else { isDeleted = false }
        self.isClosed = check != nil
        self.closesOn = tenant.closesAt.map(AgreementMail.norwegianDate) ?? ""
        self.trainees = check?.trainees ?? 0
        self.notTaken = check?.notTaken ?? 0
        self.allTaken = check?.notTaken == 0
        self.hasExport = hasExport && !isDeleted
        let base = TerminationPages.path(tenant.id.rawValue)
        self.exportBase = base + "/eksport"
        self.statements = statements.map {
            Statement(
                kind: $0.kind == "data-deletion-statement" ? "Erklæring om sletting" : "Erklæring om tilbakelevering",
                at: NorwegianTime.dateTime($0.at), href: base + "/erklaering/" + $0.id)
        }
        self.hasStatements = !statements.isEmpty
        self.noticeDate = TextField(
            "varslingsdato", label: "Opphørsdato",
            hint: "Fra denne datoen er portalen stengt for virksomhetens brukere. Tidligst i dag, senest om ett år.",
            value: form.text("varslingsdato"), errors: errors, type: "date", inputClass: "short")
        self.reason = TextField(
            "begrunnelse", label: "Begrunnelse (valgfritt)", value: form.text("begrunnelse"), errors: errors)
        self.confirmCount = TextField(
            "bekreft-antall", label: "Bekreft antallet LIS som ikke har hentet dokumentasjonen sin",
            hint: "Skriv tallet med sifre.", value: form.text("bekreft-antall"), errors: errors,
            autocomplete: "off", inputClass: "short")
    }

    /// The confirmation after a step, by the `utfort` value of the address it redirected to.
    static func notice(for done: String) -> String? {
        switch done {
        case "sagt-opp":
            "Avtalen er sagt opp. Alle LIS og ledere i virksomheten får e-post om når portalen stenger og hvordan LIS tar med seg dokumentasjonen sin."
        case "tilbakelevert":
            "Dataene er eksportert, og erklæringen om tilbakelevering er forseglet og sendt deg på e-post."
        case "slettet":
            "Dataene er slettet, og erklæringen om sletting er forseglet og sendt deg på e-post."
        default: nil
        }
    }
}

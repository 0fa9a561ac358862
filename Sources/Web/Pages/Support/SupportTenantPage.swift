import Domain
import Engine
import Foundation

/// `/brukerstotte/virksomhet/{id}`: one tenant's status, agreements (countersign the one awaiting) and
/// events, and the form that names its signer.
struct SupportTenantPage: Sendable {
    struct Event: Sendable {
        let at: String
        let action: String
        let change: String
        let actor: String
        let reason: String

        init(at: Date, action: String, from: TenantStatus?, to: TenantStatus?, actor: String, reason: String? = nil) {
            self.at = AgreementMail.norwegianDate(at)
            self.action = TenantLabels.event(action)
            self.reason = reason ?? ""
            self.change = [from, to].compactMap { $0.map(TenantLabels.status) }.joined(separator: " → ")
            self.actor = actor
        }
    }

    struct Record: Sendable {
        let row: AgreementRecordRow
        let canCountersign: Bool
        let countersignAction: String
    }

    let layout: PageLayout
    let errors: FormErrors
    let tenantID: String
    let name: String
    let kind: String
    let status: String
    let tone: String
    let agreementStatus: AgreementStatus
    let kommunenummer: String
    let organisationNumber: String
    let isKommune: Bool
    let records: [Record]
    let hasRecords: Bool
    let events: [Event]
    let hasEvents: Bool
    let signerName: TextField
    let signerEmail: TextField
    let signerOrganisationNumber: TextField
    let notice: String?
    /// The console's other actions on the tenant (paper agreement, suspend or resume, terminate, support
    /// access, external invitation).
    let forms: SupportTenantForms

    init(
        tenant: Tenant, agreements: [(agreement: Agreement, sealed: Bool)], events: [Event],
        forms: SupportTenantForms, visitor: Visitor,
        form: FormFields = FormFields(), errors: FormErrors = FormErrors(), notice: String? = nil
    ) {
        self.layout = PageLayout(title: "Brukerstøtte – \(tenant.name)", visitor: visitor, hasErrors: errors.hasErrors)
        self.errors = errors
        self.tenantID = tenant.id.rawValue
        self.name = tenant.name
        self.kind = TenantLabels.kind(tenant.kind)
        self.status = TenantLabels.status(tenant.status)
        self.tone = TenantLabels.tone(tenant.status)
        self.agreementStatus = AgreementStatus(tenant: tenant, agreements: agreements.map(\.agreement))
        self.kommunenummer = tenant.kommunenummer?.rawValue ?? "–"
        self.organisationNumber = tenant.organisationNumber?.rawValue ?? "Ikke registrert"
        self.isKommune = tenant.kind == .kommune
        self.records = agreements.map {
            Record(
                row: AgreementRecordRow($0.agreement, isSealed: $0.sealed, downloadBase: nil),
                canCountersign: $0.agreement.state == .awaitingCountersignature,
                countersignAction: SupportPages.countersignPath($0.agreement.id))
        }
        self.hasRecords = !records.isEmpty
        self.events = events.reversed()
        self.hasEvents = !events.isEmpty
        self.signerName = TextField(
            "signer-name", label: "Navn", value: form.text("signer-name"), errors: errors, autocomplete: "off")
        self.signerEmail = TextField(
            "signer-email", label: "E-postadresse", hint: "Invitasjonen med lenken sendes hit.",
            value: form.text("signer-email"),
            errors: errors, type: "email")
        self.signerOrganisationNumber = TextField(
            "signer-organisation-number", label: "Organisasjonsnummer",
            hint: tenant.organisationNumber == nil
                ? "Kommunens organisasjonsnummer, 9 sifre. Det fylles inn i avtalen."
                : "Virksomhetens organisasjonsnummer er registrert; la feltet stå tomt.",
            value: form.text("signer-organisation-number"), errors: errors, inputClass: "short")
        self.notice = notice
        self.forms = forms
    }
}

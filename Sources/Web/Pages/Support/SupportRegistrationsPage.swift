import Domain
import Engine
import Foundation

/// `/brukerstotte/registreringer`: private virksomheter waiting for a decision (approve, or reject with a
/// reason the applicant reads), and the ones decided.
struct SupportRegistrationsPage: Sendable {
    struct Pending: Sendable {
        let id: String
        let headingID: String
        let name: String
        let organisationNumber: String
        let contactEmail: String
        let programmes: String
        let registeredBy: String
        let registeredOn: String
        let approveAction: String
        let rejectAction: String
        let reason: TextField
    }

    struct Decided: Sendable {
        let name: String
        let organisationNumber: String
        let state: String
        let tone: String
        let decidedOn: String
        let reason: String
        let tenantHref: String?
    }

    let layout: PageLayout
    let errors: FormErrors
    let notice: String?
    let pending: [Pending]
    let hasPending: Bool
    let decided: [Decided]
    let hasDecided: Bool

    /// - Parameters:
    ///   - refused: the registration whose rejection was refused, with what was typed.
    init(
        registrations: [Registration], visitor: Visitor, notice: String? = nil, refused: UUID? = nil,
        form: FormFields = FormFields(), errors: FormErrors = FormErrors()
    ) {
        self.layout = PageLayout(title: "Brukerstøtte – registreringer", visitor: visitor, hasErrors: errors.hasErrors)
        self.errors = errors
        self.notice = notice
        self.pending = registrations.filter { $0.state == .pending }.map { registration in
            let id = registration.id.lowercasedText
            let base = SupportRegistrationPages.path + "/" + id
            return Pending(
                id: id, headingID: "registrering-\(id)", name: registration.name,
                organisationNumber: registration.organisationNumber.rawValue, contactEmail: registration.contactEmail,
                programmes: registration.programmes.map(\.norwegianName).joined(separator: ", "),
                registeredBy: registration.registeredByName,
                registeredOn: AgreementMail.norwegianDate(registration.createdAt), approveAction: base + "/godkjenn",
                rejectAction: base + "/avvis",
                reason: TextField(
                    "reason-\(id)", label: "Begrunnelse for avvisning",
                    hint: "Søkeren får begrunnelsen på e-post.",
                    value: refused == registration.id ? form.text("reason") : "", errors: errors))
        }
        self.hasPending = !pending.isEmpty
        self.decided = registrations.filter { $0.state != .pending }.map { registration in
            Decided(
                name: registration.name, organisationNumber: registration.organisationNumber.rawValue,
                state: registration.state == .approved ? "Godkjent" : "Avvist",
                tone: registration.state == .approved ? "success" : "danger",
                decidedOn: registration.decidedAt.map(AgreementMail.norwegianDate) ?? "",
                reason: registration.reason ?? "",
                tenantHref: registration.tenantID.map { SupportPages.tenantPath($0.rawValue) })
        }
        self.hasDecided = !decided.isEmpty
    }
}

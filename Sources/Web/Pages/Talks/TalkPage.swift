import Domain
import Engine
import Foundation

/// What `/virksomhet/{id}/lis/{traineeId}/samtaler` shows: the LIS's supervision talks as the reader may
/// see them, and only the forms the reader may use (`TalkBook`). The leder gets dates, topics and states in
/// a table; the page has no preparation or minutes for them because the engine gave it none.
struct TalkPage: Sendable {
    /// A textarea of one talk: preparation or minutes.
    struct TextForm: Sendable {
        let id: String
        let name: String
        let label: String
        let hint: String
        let value: String
        let error: String?
        let action: String
        let button: String
        /// False once the talk is finalised: the form is still shown after a refusal, to keep what was typed.
        let canSubmit: Bool
    }

    /// A text already written, shown to read.
    struct Written: Sendable {
        let heading: String
        let text: String
    }

    struct Finalise: Sendable {
        let id: String
        let action: String
        let error: String?
    }

    struct Talk: Sendable {
        let headingID: String
        let date: String
        let topic: String
        let state: String
        let stateClass: String
        let written: [Written]
        let forms: [TextForm]
        let finalise: Finalise?
    }

    let layout: PageLayout
    let errors: FormErrors
    let notice: String?
    let tenantName: String
    let traineeName: String
    let showsText: Bool
    let isTrainee: Bool
    let plan: PlanForm?
    let talks: [Talk]
    let hasTalks: Bool
    let backHref: String
    let backText: String
    let progressHref: String

    struct PlanForm: Sendable {
        let action: String
        let date: TextField
        let topic: TextField
    }

    init(
        book: TalkBook, tenant: Tenant, form: FormFields, errors: FormErrors, typed: [String: String], notice: String?,
        visitor: Visitor
    ) {
        let base = TalkPages.path(tenant.id.rawValue, trainee: book.trainee.id)
        self.layout = PageLayout(
            title: "Veiledningssamtaler – \(book.trainee.name)", visitor: visitor, hasErrors: errors.hasErrors)
        self.errors = errors
        self.notice = notice
        self.tenantName = tenant.name
        self.traineeName = book.trainee.name
        self.showsText = book.showsText
        self.isTrainee = book.held.contains(.lis)
        self.backHref = isTrainee ? StartPages.path : OverviewPages.traineesPath(tenant.id.rawValue)
        self.backText = isTrainee ? "Tilbake til «Mine roller»" : "Tilbake til «Mine LIS»"
        self.progressHref = ProgressPages.path(tenant.id.rawValue, trainee: book.trainee.id)
        self.plan =
            book.mayPlan
            ? PlanForm(
                action: base,
                date: TextField(
                    "dato", label: "Dato", hint: "Dagen samtalen skal holdes, for eksempel 20.11.2026.",
                    value: form.text("dato"), errors: errors, type: "date", inputClass: "short"),
                topic: TextField(
                    "tema", label: "Tema", hint: "Hva dere skal snakke om. Legen og lederen ser temaet.",
                    value: form.text("tema"), errors: errors))
            : nil
        self.talks = book.talks.map { Self.talk($0, book: book, base: base, errors: errors, typed: typed) }
        self.hasTalks = !talks.isEmpty
    }

    static func talk(_ talk: VisibleTalk, book: TalkBook, base: String, errors: FormErrors, typed: [String: String])
        -> Talk
    {
        let id = talk.id.lowercasedText
        let path = base + "/" + id
        let open = talk.state != .finalised
        var written: [Written] = []
        var forms: [TextForm] = []
        if let text = talk.text {
            for (kind, label, stored) in [
                ("forberedelse", "Forberedelse", text.preparation), ("referat", "Referat", text.minutes),
            ] {
                let field = fieldID(kind, talk: talk.id)
                let refused = errors.message(for: field)
                if book.mayWrite && (open || refused != nil) {
                    forms.append(
                        TextForm(
                            id: field, name: kind, label: label, hint: hint(kind), value: typed[field] ?? stored ?? "",
                            error: refused, action: path + "/" + kind, button: "Lagre \(label.lowercased())",
                            canSubmit: open))
                } else if let stored {
                    written.append(Written(heading: label, text: stored))
                }
            }
        }
        let finaliseID = fieldID("ferdigstill", talk: talk.id)
        let finaliseError = errors.message(for: finaliseID)
        let mayFinalise = book.mayFinalise && (talk.state == .minutesWritten || finaliseError != nil)
        return Talk(
            headingID: "samtale-" + id, date: talk.date.norwegian, topic: talk.topic,
            state: stateText(talk), stateClass: talk.state == .finalised ? "success" : "",
            written: written, forms: forms,
            finalise: mayFinalise ? Finalise(id: finaliseID, action: path + "/ferdigstill", error: finaliseError) : nil)
    }

    /// The id of one talk's field, unique on the page so that the error summary can link to it.
    static func fieldID(_ kind: String, talk: UUID) -> String { kind + "-" + talk.lowercasedText }

    static func hint(_ kind: String) -> String {
        kind == "forberedelse"
            ? "Hva vil dere ta opp? Bare legen og veilederen kan lese dette."
            : "Hva ble sagt og avtalt? Bare legen og veilederen kan lese referatet."
    }

    static func stateText(_ talk: VisibleTalk) -> String {
        switch talk.state {
        case .planned: "Planlagt"
        case .prepared: "Forberedt"
        case .minutesWritten: "Referat skrevet"
        case .finalised: "Ferdigstilt" + (talk.finalisedAt.map { " " + AgreementMail.norwegianDate($0) } ?? "")
        }
    }
}

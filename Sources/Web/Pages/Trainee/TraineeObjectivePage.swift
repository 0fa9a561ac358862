import Domain
import Engine
import Foundation

/// What the LIS sees of one objective: what is recommended, what they have done and where it stands, and
/// the forms that record an activity, send one for signature, and send the objective to the leder.
struct TraineeObjectivePage: Sendable {

    struct Activity: Sendable {
        let type: String
        let performedOn: String
        let note: String
        let state: String
        let rejection: String?
        /// Draft or rejected: it can be sent (again) to one of these people.
        let canSend: Bool
        let sendAction: String
        let sendField: String
        let sendError: String?
        let signers: [Signer]
        let hasSigners: Bool
        let signerRole: String
        let correctAction: String
        let dateField: TextField
        let noteField: String
        let noteValue: String
        let noteError: String?
        let attachmentName: String?
        /// The file, for anyone who may read the LIS's record (`AttachmentPages`).
        let attachmentHref: String?
    }

    struct Signer: Sendable {
        let value: String
        let name: String
    }

    struct Option: Sendable {
        let value: String
        let label: String
        let selected: Bool
    }

    let layout: PageLayout
    let errors: FormErrors
    let notice: String?
    let homeHref: String
    let heading: String
    let description: String
    let state: String
    let recommendations: [Choice]
    let alternativeChecked: Bool
    let choiceError: String?
    let types: [Option]
    let signerKinds: [Option]
    let documentation: String
    let documentationError: String?
    let performedOn: TextField
    let note: String
    let noteError: String?
    let activities: [Activity]
    let hasActivities: Bool
    let recordAction: String
    let attachmentField: FileField
    let canSubmitObjective: Bool
    let submitObjectiveAction: String
    let submitObjectiveError: String?

    init(
        view: ObjectiveDecisionView, tenant: Tenant, trainee: UUID, path: String, form: FormFields, errors: FormErrors,
        notice: String?, uploadLimit: Int, visitor: Visitor
    ) {
        let objective = view.objective
        self.heading = "\(objective.id.rawValue) \(objective.title)"
        self.layout = PageLayout(title: heading, visitor: visitor, hasErrors: errors.hasErrors)
        self.errors = errors
        self.notice = notice
        self.homeHref = TraineePages.homePath(tenant.id.rawValue)
        self.description = objective.description
        self.state = ObjectiveDecisionPage.stateText(view.progress?.state, names: view.names)
        let choice = form["valg"] ?? ""
        self.recommendations = objective.activities.enumerated().map { index, activity in
            Choice(
                id: "valg-\(index)", value: "\(index)",
                label: "\(activity.title) (\(activity.type.norwegianName), signeres av \(activity.signer == .veileder ? "veileder" : "supervisør"))",
                checked: choice == "\(index)")
        }
        self.alternativeChecked = choice == "annen"
        self.choiceError = errors.message(for: "valg-0")
        self.types = ActivityType.allCases.map {
            Option(value: $0.rawValue, label: $0.norwegianName, selected: form["type"] == $0.rawValue)
        }
        self.signerKinds = [
            Option(value: "supervisor", label: "Supervisør", selected: form["signer"] != "veileder"),
            Option(value: "veileder", label: "Veileder", selected: form["signer"] == "veileder"),
        ]
        self.documentation = form.text("dokumentasjon")
        self.documentationError = errors.message(for: "dokumentasjon") ?? errors.message(for: "type")
        self.performedOn = TextField(
            "utfort", label: "Dato du gjennomførte aktiviteten", value: form.text("utfort"), errors: errors, type: "date",
            inputClass: "short")
        self.note = form.text("notat")
        self.noteError = errors.message(for: "notat")
        self.recordAction = path + "/aktivitet"
        self.attachmentField = FileField(
            "vedlegg", label: "Vedlegg (valgfritt)",
            hint: "For eksempel et kursbevis. \(AttachmentType.norwegianList), høyst \(AttachmentError.megabytes(uploadLimit)).",
            accept: ".pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png", errors: errors)
        self.activities = view.activities.map { activity in
            let role: Role = activity.signer == .veileder ? .veileder : .supervisor
            let field = "til-" + activity.id.lowercasedText
            var canSend = false
            var rejection: String?
            switch activity.state {
            case .draft: canSend = true
            case .rejected(_, let comment):
                canSend = true
                rejection = comment
            default: break
            }
            let signers = view.holders.filter { $0.role == role }.map {
                Signer(value: $0.id.lowercasedText, name: $0.personName)
            }
            let suffix = activity.id.lowercasedText
            let typedDate = form["utfort-" + suffix]
            return Activity(
                type: activity.type.norwegianName, performedOn: activity.content.performedOn.norwegian,
                note: activity.content.note, state: ObjectiveDecisionPage.activityState(activity.state, names: view.names),
                rejection: rejection, canSend: canSend,
                sendAction: path + "/aktivitet/\(activity.id.lowercasedText)/send", sendField: field,
                sendError: errors.message(for: field), signers: signers, hasSigners: !signers.isEmpty,
                signerRole: role == .veileder ? "veilederen din" : "en av supervisørene dine",
                correctAction: path + "/aktivitet/\(suffix)/rett",
                dateField: TextField(
                    "utfort-" + suffix, label: "Dato", value: typedDate ?? activity.content.performedOn.iso,
                    errors: errors, type: "date", inputClass: "short"),
                noteField: "notat-" + suffix, noteValue: form["notat-" + suffix] ?? activity.content.note,
                noteError: errors.message(for: "notat-" + suffix),
                attachmentName: activity.content.attachment?.filename,
                attachmentHref: activity.content.attachment.map {
                    AttachmentPages.path(tenant.id.rawValue, trainee: trainee, sha256: $0.sha256)
                })
        }
        self.hasActivities = !activities.isEmpty
        switch view.progress?.state {
        case .submitted?, .approved?: self.canSubmitObjective = false
        default: self.canSubmitObjective = true
        }
        self.submitObjectiveAction = path + "/send"
        self.submitObjectiveError = errors.message(for: "send-maal")
    }
}

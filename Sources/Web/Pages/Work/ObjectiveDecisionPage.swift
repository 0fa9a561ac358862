import Domain
import Engine
import Foundation

/// One objective of a LIS for the leder: the LIS's activities for it, and (when it waits for the leder)
/// approval naming the consulted veileder and supervisør(er), or rejection with a comment.
struct ObjectiveDecisionPage: Sendable {
    struct Activity: Sendable {
        let type: String
        let performedOn: String
        let note: String
        let state: String
        let attachmentName: String?
        let attachmentHref: String?
    }


    let layout: PageLayout
    let errors: FormErrors
    let notice: String?
    let tenantName: String
    let listHref: String
    let traineeName: String
    let heading: String
    let description: String
    let planName: String
    let state: String
    let activities: [Activity]
    let hasActivities: Bool
    let canDecide: Bool
    let approveAction: String
    let rejectAction: String
    let veiledere: [Choice]
    let supervisors: [Choice]
    let hasVeileder: Bool
    let hasSupervisors: Bool
    let veilederError: String?
    let supervisorError: String?
    let commentError: String?
    let comment: String
    /// Approved here (not imported) and the caller is the leder: the approval can be revoked with a reason.
    let canRevoke: Bool
    let revokeAction: String
    let reasonError: String?
    let reason: String

    init(
        view: ObjectiveDecisionView, tenant: Tenant, planKey: String, form: FormFields, errors: FormErrors,
        notice: String? = nil, visitor: Visitor
    ) {
        self.notice = notice
        let objective = view.objective
        self.heading = "\(objective.id.rawValue) \(objective.title)"
        self.layout = PageLayout(
            title: "\(objective.id.rawValue) for \(view.trainee.name)", visitor: visitor, hasErrors: errors.hasErrors)
        self.errors = errors
        self.tenantName = tenant.name
        self.listHref = ApprovalPages.listPath(tenant.id.rawValue)
        self.traineeName = view.trainee.name
        self.description = objective.description
        self.planName = view.planName
        self.state = Self.stateText(view.progress?.state, names: view.names)
        self.activities = view.activities.map {
            Activity(
                type: $0.type.norwegianName, performedOn: $0.content.performedOn.norwegian,
                note: $0.content.note, state: Self.activityState($0.state, names: view.names),
                attachmentName: $0.content.attachment?.filename,
                attachmentHref: $0.content.attachment.map { file in
                    AttachmentPages.path(tenant.id.rawValue, trainee: view.trainee.id, sha256: file.sha256)
                })
        }
        self.hasActivities = !activities.isEmpty
        self.canDecide = view.callerMayDecide && view.progress?.state == .submitted
        let path = ApprovalPages.objectivePath(
            tenant.id.rawValue, trainee: view.trainee.id, planKey: planKey, objective: objective.id.rawValue)
        self.approveAction = path + "/godkjenn"
        self.rejectAction = path + "/underkjenn"
        let chosenVeileder = form["veileder"]
        let chosenSupervisors = Set(form.all("supervisor"))
        self.veiledere = Self.choices(view.holders, .veileder, name: "veileder") { chosenVeileder == $0 }
        self.supervisors = Self.choices(view.holders, .supervisor, name: "supervisor") {
            chosenSupervisors.contains($0)
        }
        self.hasVeileder = !veiledere.isEmpty
        self.hasSupervisors = !supervisors.isEmpty
        self.veilederError = errors.message(for: "veileder")
        self.supervisorError = errors.message(for: "supervisor")
        self.commentError = errors.message(for: "kommentar")
        self.comment = form.text("kommentar")
        if case .approved(let approval)? = view.progress?.state {
            self.canRevoke = view.callerMayDecide && !approval.isImported
        } else {
            self.canRevoke = false
        }
        self.revokeAction = path + "/trekk-tilbake"
        self.reasonError = errors.message(for: "begrunnelse")
        self.reason = form.text("begrunnelse")
    }

    /// The role holders as inputs: the first one's id is the field's own (`veileder`), so the error
    /// summary's link lands on it.
    static func choices(
        _ holders: [RoleAssignment], _ role: Role, name: String, checked: (String) -> Bool
    ) -> [Choice] {
        holders.filter { $0.role == role }.enumerated().map { index, holder in
            let value = holder.id.lowercasedText
            return Choice(
                id: index == 0 ? name : "\(name)-\(index + 1)", value: value, label: holder.personName,
                checked: checked(value))
        }
    }

    static func stateText(_ state: ObjectiveProgress.State?, names: [PersonKey: String]) -> String {
        switch state {
        case nil, .notStarted?: "Ikke påbegynt"
        case .inProgress?: "Under arbeid"
        case .submitted?: "Sendt til godkjenning"
        case .approved(let approval)?: "Godkjent " + AgreementMail.norwegianDate(approval.approvedAt)
        case .rejected(let comment)?: "Underkjent: \(comment)"
        }
    }

    static func activityState(_ state: LearningActivity.State, names: [PersonKey: String]) -> String {
        switch state {
        case .draft: "Utkast"
        case .submitted(let to, _): "Sendt til \(names[to] ?? "signering")"
        case .approved(let by, let at): "Godkjent av \(names[by] ?? "signataren") \(AgreementMail.norwegianDate(at))"
        case .rejected(let by, let comment): "Avvist av \(names[by] ?? "signataren"): \(comment)"
        }
    }
}

import Domain
import Engine
import Foundation

/// What `/til-signering` shows: one card per activity waiting for the person's signature.
struct SigningPage: Sendable {
    struct Item: Sendable {
        let tenantName: String
        let traineeName: String
        let objective: String
        let type: String
        let performedOn: String
        let note: String
        let documentation: String?
        let attachmentName: String?
        let attachmentHref: String?
        let approveAction: String
        let rejectAction: String
        let comment: TextField
    }

    let layout: PageLayout
    let errors: FormErrors
    let notice: String?
    let items: [Item]
    let hasItems: Bool

    init(waiting: [WaitingActivity], errors: FormErrors, typed: [String: String], notice: String?, visitor: Visitor) {
        self.layout = PageLayout(title: "Til signering", visitor: visitor, hasErrors: errors.hasErrors)
        self.errors = errors
        self.notice = notice
        self.items = waiting.map { waiting in
            let activity = waiting.activity
            let tenant = waiting.tenant.id.rawValue
            let objectiveID = activity.objectiveID.map(\.rawValue) ?? ""
            let field = Self.commentField(activity.id)
            var documentation: String?
            if case .alternative(_, _, let text) = activity.content.kind { documentation = text }
            return Item(
                tenantName: waiting.tenant.name, traineeName: waiting.trainee.name,
                objective: [objectiveID, waiting.objectiveTitle ?? ""].filter { !$0.isEmpty }.joined(separator: " "),
                type: activity.type.norwegianName, performedOn: activity.content.performedOn.norwegian,
                note: activity.content.note, documentation: documentation,
                attachmentName: activity.content.attachment?.filename,
                attachmentHref: activity.content.attachment.map {
                    AttachmentPages.path(tenant, trainee: activity.traineeID, sha256: $0.sha256)
                },
                approveAction: SigningPages.decisionPath(
                    tenant: tenant, trainee: activity.traineeID, activity: activity.id, "godkjenn"),
                rejectAction: SigningPages.decisionPath(
                    tenant: tenant, trainee: activity.traineeID, activity: activity.id, "avvis"),
                comment: TextField(
                    field, label: "Kommentar til legen (må fylles ut for å avvise)", value: typed[field] ?? "",
                    errors: errors))
        }
        self.hasItems = !items.isEmpty
    }

    /// The id of one activity's comment field (unique on the page, so the error summary can link to it).
    static func commentField(_ activity: UUID) -> String { "kommentar-" + activity.lowercasedText }
}

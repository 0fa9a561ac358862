import Domain
import Engine
import Foundation

/// `/virksomhet/{tenantId}/meg`: the LIS's plans with each objective's state, the people who hold a role
/// for them, the invitations they have sent, and the form that invites someone.
struct TraineeHomePage: Sendable {
    struct PlanView: Sendable {
        let name: String
        let completionHref: String
        let approved: Int
        let total: Int
        let objectives: [ObjectiveRow]
    }

    struct ObjectiveRow: Sendable {
        let label: String
        let href: String
        let state: String
    }

    struct Holder: Sendable {
        let role: String
        let name: String
    }

    struct PendingInvitation: Sendable {
        let role: String
        let email: String
        let expiresOn: String
        let revokeAction: String
        let resendAction: String
    }


    let layout: PageLayout
    let errors: FormErrors
    let notice: String?
    let tenantName: String
    let programme: String
    let plans: [PlanView]
    let hasPlans: Bool
    let holders: [Holder]
    let hasHolders: Bool
    let invitations: [PendingInvitation]
    let hasInvitations: Bool
    let inviteAction: String
    let roles: [Choice]
    let roleError: String?
    let email: TextField
    let replaces: Bool
    let base: String
    /// The LIS's pages that others open too: the report and the talks.
    let lisBase: String
    let importError: String?

    init(home: TraineeHome, tenant: Tenant, form: FormFields, errors: FormErrors, notice: String?, visitor: Visitor) {
        self.layout = PageLayout(title: "Min side i \(tenant.name)", visitor: visitor, hasErrors: errors.hasErrors)
        self.errors = errors
        self.notice = notice
        self.tenantName = tenant.name
        self.programme = home.trainee.programme.norwegianName
        let id = tenant.id.rawValue
        self.plans = home.plans.map { assignment, plan in
            let progress = home.progress.filter { $0.plan == assignment.plan }
            let states = Dictionary(progress.map { ($0.objectiveID, $0.state) }, uniquingKeysWith: { first, _ in first })
            let rows = plan.objectives.map { objective in
                let state = states[objective.id]
                return ObjectiveRow(
                    label: "\(objective.id.rawValue) \(objective.title)",
                    href: TraineeObjectivePages.path(id, planKey: plan.key.rawValue, objective: objective.id.rawValue),
                    state: ObjectiveDecisionPage.stateText(state, names: home.names))
            }
            return PlanView(
                name: plan.name, completionHref: TraineePages.homePath(id) + "/bekreftelse?plan=" + plan.key.rawValue,
                approved: progress.filter(\.isApproved).count, total: plan.objectives.count,
                objectives: rows)
        }
        self.hasPlans = !plans.isEmpty
        self.holders = home.holders.map {
            Holder(role: $0.role.norwegianName.capitalizedFirst, name: $0.personName)
        }
        self.hasHolders = !holders.isEmpty
        self.invitations = home.invitations.filter { $0.state == .pending }.map {
            PendingInvitation(
                role: $0.role.norwegianName, email: $0.email, expiresOn: AgreementMail.norwegianDate($0.expiresAt),
                revokeAction: TraineePages.homePath(id) + "/invitasjoner/\($0.id.lowercasedText)/trekk",
                resendAction: TraineePages.homePath(id) + "/invitasjoner/\($0.id.lowercasedText)/send-igjen")
        }
        self.hasInvitations = !invitations.isEmpty
        self.inviteAction = TraineePages.homePath(id) + "/inviter"
        let picked = form["role"] ?? ""
        self.roles = [Role.leder, .veileder, .supervisor].map {
            Choice(id: "role-\($0.rawValue)", value: $0.rawValue, label: $0.norwegianName.capitalizedFirst, checked: $0.rawValue == picked)
        }
        self.roleError = errors.message(for: "role-leder")
        self.email = TextField(
            "email", label: "E-postadressen til personen", value: form.text("email"), errors: errors, type: "email")
        self.replaces = form["erstatt"] == "ja"
        self.base = TraineePages.homePath(id)
        self.lisBase = "/virksomhet/\(id)/lis/\(home.trainee.id.lowercasedText)"
        self.importError = errors.message(for: "fil")
    }
}

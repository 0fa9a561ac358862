import Domain
import Engine

/// What `/start` shows: one card per tenant with the person's roles there and what waits for each.
struct StartPage: Sendable {
    struct Membership: Sendable {
        let tenantName: String
        let roles: [RoleItem]
        let tasks: [Task]
        let hasTasks: Bool
        let closedNotice: String?
        /// The overviews the person's roles there open: «Mine LIS», «Oversikt over LIS».
        let links: [Task]
    }

    struct RoleItem: Sendable {
        let name: String
        let href: String?
        let linkText: String?
    }

    /// Something that waits, as a sentence with a count, and where to act on it.
    struct Task: Sendable {
        let text: String
        let href: String?
    }

    let layout: PageLayout
    let memberships: [Membership]
    let hasMemberships: Bool
    /// «Du er nå leder i Oslo», after an invitation was accepted.
    let acceptedNotice: String?

    init(overview: [TenantWork], accepted: (Role, String)?, visitor: Visitor) {
        self.layout = PageLayout(title: "Mine roller", visitor: visitor)
        self.memberships = overview.map { work in
            let tasks = work.isOpen ? Self.tasks(work) : []
            return Membership(
                tenantName: work.tenant.name, roles: work.roles.map { Self.item($0, tenant: work.tenant) },
                tasks: tasks, hasTasks: !tasks.isEmpty,
                closedNotice: work.isOpen || work.roles == [.tenantAdministrator]
                    ? nil : "Virksomheten er ikke åpen i portalen nå: databehandleravtalen er ikke i kraft.",
                links: Self.links(work))
        }
        self.hasMemberships = !overview.isEmpty
        self.acceptedNotice = accepted.map { "Du har godtatt invitasjonen og er nå \($0.0.norwegianName) i \($0.1)." }
    }

    static func tasks(_ work: TenantWork) -> [Task] {
        let counts = work.counts
        var tasks: [Task] = []
        if work.roles.contains(.supervisor) || work.roles.contains(.veileder) {
            tasks.append(
                Task(
                    text: counted(counts.activitiesToSign, "læringsaktivitet venter", "læringsaktiviteter venter")
                        + " på din signatur", href: SigningPages.path))
        }
        if work.roles.contains(.leder) {
            tasks.append(
                Task(
                    text: counted(counts.objectivesToApprove, "læringsmål venter", "læringsmål venter")
                        + " på din godkjenning", href: ApprovalPages.listPath(work.tenant.id.rawValue)))
        }
        if counts.rejectedActivities > 0 {
            tasks.append(
                Task(
                    text: counted(counts.rejectedActivities, "av aktivitetene dine er", "av aktivitetene dine er")
                        + " underkjent og venter på retting", href: TraineePages.homePath(work.tenant.id.rawValue)))
        }
        if counts.rejectedObjectives > 0 {
            tasks.append(
                Task(
                    text: counted(counts.rejectedObjectives, "av læringsmålene dine er", "av læringsmålene dine er")
                        + " underkjent", href: TraineePages.homePath(work.tenant.id.rawValue)))
        }
        return tasks
    }

    static func links(_ work: TenantWork) -> [Task] {
        let tenant = work.tenant.id.rawValue
        var links: [Task] = []
        if work.isOpen && (work.roles.contains(.leder) || work.roles.contains(.veileder)) {
            links.append(Task(text: "Mine LIS", href: OverviewPages.traineesPath(tenant)))
        }
        // The administrator's overview opens with the agreement in force (`isOpen` counts training roles only).
        if work.roles.contains(.tenantAdministrator) && work.tenant.status == .active {
            links.append(Task(text: "Oversikt over LIS", href: OverviewPages.tenantPath(tenant)))
        }
        return links
    }

    /// «Ingen læringsaktiviteter», «1 læringsaktivitet», «3 læringsaktiviteter».
    static func counted(_ count: Int, _ one: String, _ many: String) -> String {
        switch count {
        case 0: "Ingen " + many.replacingOccurrences(of: "av ", with: "")
        case 1: "1 " + one
        default: "\(count) " + many
        }
    }

    static func item(_ role: Role, tenant: Tenant) -> RoleItem {
        let name = role == .lis ? "Lege i spesialisering (LIS)" : role.norwegianName.capitalizedFirst
        switch role {
        case .tenantAdministrator:
            return RoleItem(
                name: name, href: AgreementPages.path(tenant.id.rawValue), linkText: "Databehandleravtalen")
        case .lis:
            return RoleItem(name: name, href: TraineePages.homePath(tenant.id.rawValue), linkText: "Min side")
        default:
            return RoleItem(name: name, href: nil, linkText: nil)
        }
    }
}

extension String {
    /// The first letter in upper case, the rest unchanged («leder» → «Leder»).
    var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}

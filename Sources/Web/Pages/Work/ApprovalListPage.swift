import Domain
import Engine

/// `/virksomhet/{tenantId}/til-godkjenning`: the objectives the leder's LIS have sent, oldest first.
struct ApprovalListPage: Sendable {
    struct Item: Sendable {
        let traineeName: String
        let objective: String
        let sentOn: String
        let href: String
    }

    let layout: PageLayout
    let tenantName: String
    let notice: String?
    let items: [Item]
    let hasItems: Bool

    init(tenant: Tenant, waiting: [WaitingObjective], notice: String?, visitor: Visitor) {
        self.layout = PageLayout(title: "Til godkjenning i \(tenant.name)", visitor: visitor)
        self.tenantName = tenant.name
        self.notice = notice
        self.items = waiting.map {
            Item(
                traineeName: $0.trainee.name,
                objective: [$0.progress.objectiveID.rawValue, $0.objectiveTitle ?? ""].filter { !$0.isEmpty }
                    .joined(separator: " "),
                sentOn: NorwegianTime.dateTime($0.submittedAt),
                href: ApprovalPages.objectivePath(
                    tenant.id.rawValue, trainee: $0.trainee.id, planKey: $0.progress.plan.key.rawValue,
                    objective: $0.progress.objectiveID.rawValue))
        }
        self.hasItems = !items.isEmpty
    }
}

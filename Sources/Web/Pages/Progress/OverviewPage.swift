import Domain
import Engine
import Foundation

/// What the overviews show: the leder's and veileder's «Mine LIS» (each LIS linking to their progress report
/// and talks) and the tenant administrator's «Oversikt» (every LIS, counts only, no links into their data).
/// Each plan is a progress bar with the numbers in text beside it.
struct OverviewPage: Sendable {
    struct Bar: Sendable {
        let plan: String
        let approved: Int
        let total: Int
        let text: String
        let label: String
    }

    struct Row: Sendable {
        let name: String
        let programme: String
        let progressHref: String?
        let talksHref: String?
        let bars: [Bar]
        let hasBars: Bool
        let awaitingDecision: Int
        let activitiesSigned: Int
        let talksHeld: Int
        let complete: String
    }

    struct Group: Sendable {
        let heading: String
        let id: String
        let rows: [Row]
        let csvHref: String
        let showsAwaiting: Bool
        let awaitingHref: String?
    }

    let layout: PageLayout
    let heading: String
    let lead: String
    let groups: [Group]
    let hasGroups: Bool
    let empty: String
    let printHref: String?

    /// «Mine LIS»: the LIS the person is leder for, and those they are veileder for.
    static func trainees(leder: LederOverview, veileder: LederOverview, tenant: Tenant, visitor: Visitor) -> OverviewPage {
        let tenantID = tenant.id.rawValue
        let base = OverviewPages.traineesPath(tenantID)
        var groups: [Group] = []
        if !leder.rows.isEmpty {
            groups.append(
                Group(
                    heading: "Som leder", id: "som-leder", rows: leder.rows.map { row(tenant, $0, links: true) },
                    csvHref: base + "/csv", showsAwaiting: true, awaitingHref: ApprovalPages.listPath(tenantID)))
        }
        if !veileder.rows.isEmpty {
            groups.append(
                Group(
                    heading: "Som veileder", id: "som-veileder", rows: veileder.rows.map { row(tenant, $0, links: true) },
                    csvHref: base + "/csv?rolle=veileder", showsAwaiting: false, awaitingHref: nil))
        }
        return OverviewPage(
            layout: PageLayout(title: "Mine LIS i \(tenant.name)", visitor: visitor), heading: "Mine LIS",
            lead: "Legene i spesialisering du følger i \(tenant.name), med fremdriften i hver plan.",
            groups: groups, hasGroups: !groups.isEmpty,
            empty: "Du er ikke leder eller veileder for noen leger i spesialisering i \(tenant.name).", printHref: nil)
    }

    /// «Oversikt over LIS»: every LIS of the tenant, for its administrator.
    static func tenant(_ overview: LederOverview, tenant: Tenant, visitor: Visitor) -> OverviewPage {
        let base = OverviewPages.tenantPath(tenant.id.rawValue)
        let group = Group(
            heading: "Alle leger i spesialisering", id: "alle", rows: overview.rows.map { row(tenant, $0, links: false) },
            csvHref: base + "/csv", showsAwaiting: true, awaitingHref: nil)
        return OverviewPage(
            layout: PageLayout(title: "Oversikt over LIS i \(tenant.name)", visitor: visitor),
            heading: "Oversikt over LIS",
            lead: "Alle leger i spesialisering i \(tenant.name): planene og fremdriften. Bare tall, ikke innholdet i dokumentasjonen.",
            groups: overview.rows.isEmpty ? [] : [group], hasGroups: !overview.rows.isEmpty,
            empty: "\(tenant.name) har ingen leger i spesialisering i portalen ennå.", printHref: base + "/utskrift")
    }

    static func row(_ tenant: Tenant, _ row: LederOverview.Row, links: Bool) -> Row {
        let bars = row.plans.map { plan in
            let text = "\(plan.approved) av \(plan.objectives) godkjent"
            return Bar(
                plan: plan.name, approved: plan.approved, total: max(plan.objectives, 1), text: text,
                label: "\(row.name), \(plan.name): \(text)")
        }
        return Row(
            name: row.name, programme: row.programme.norwegianName,
            progressHref: links ? ProgressPages.path(tenant.id.rawValue, trainee: row.traineeID) : nil,
            talksHref: links ? TalkPages.path(tenant.id.rawValue, trainee: row.traineeID) : nil,
            bars: bars, hasBars: !bars.isEmpty, awaitingDecision: row.awaitingDecision,
            activitiesSigned: row.activitiesSigned, talksHeld: row.talksHeld, complete: row.isComplete ? "Ja" : "Nei")
    }
}

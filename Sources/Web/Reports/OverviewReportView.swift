import Domain
import Engine
import Foundation

/// What the overview template shows: one row per LIS with their progress over all plans.
struct OverviewReportView: Sendable {
    struct Row: Sendable {
        let name: String
        let programme: String
        let plans: String
        let approved: Int
        let objectives: Int
        let awaitingDecision: Int
        let activitiesSigned: Int
        let talksHeld: Int
        let complete: String
    }

    let title: String
    let tenantName: String
    let rows: [Row]
    let hasRows: Bool
    let generatedOn: String

    init(_ overview: LederOverview, title: String, tenantName: String, generatedAt: Date) {
        self.title = title
        self.tenantName = tenantName
        self.rows = overview.rows.map { row in
            Row(
                name: row.name, programme: row.programme.norwegianName, plans: row.plans.map(\.name).joined(separator: ", "),
                approved: row.plans.reduce(0) { $0 + $1.approved },
                objectives: row.plans.reduce(0) { $0 + $1.objectives },
                awaitingDecision: row.awaitingDecision, activitiesSigned: row.activitiesSigned,
                talksHeld: row.talksHeld,
                complete: row.isComplete ? "Ja" : "Nei")
        }
        self.hasRows = !rows.isEmpty
        self.generatedOn = AgreementMail.norwegianDate(generatedAt)
    }
}

import struct Foundation.UUID

/// The leder's overview: one summary line per LIS they follow, from the same computation as each LIS's
/// progress report.
///
/// Inputs are flat lists as storage reads them for a tenant; they are grouped by LIS in one pass, so the
/// whole overview is linear in the number of records.
package struct LederOverview: Sendable, Equatable {
    package struct PlanSummary: Sendable, Equatable {
        package let plan: PlanReference
        package let name: String
        package let objectives: Int
        package let approved: Int
        package let submitted: Int
        package let inProgress: Int
        package let notStarted: Int
        package let isComplete: Bool
    }

    package struct Row: Sendable, Equatable {
        package let traineeID: UUID
        package let name: String
        package let programme: Programme
        package let plans: [PlanSummary]
        package let activitiesSigned: Int
        package let talksHeld: Int
        /// Objectives waiting for the leder's decision.
        package let awaitingDecision: Int
        package let isComplete: Bool
    }

    package let rows: [Row]

    /// Builds the overview for `trainees` from the plans assigned to them (archived assignments left out;
    /// an assignment whose plan version is not in `catalog` is skipped).
    package static func build(
        trainees: [Trainee], assignments: [PlanAssignment], catalog: [Plan], progress: [ObjectiveProgress],
        activities: [LearningActivity], talks: [SupervisionTalk]
    ) -> LederOverview {
        var plansByReference: [PlanReference: Plan] = [:]
        for plan in catalog { plansByReference[plan.reference] = plan }
        let assignmentsByTrainee = Dictionary(grouping: assignments.filter { $0.state != .archived }, by: \.traineeID)
        let progressByTrainee = Dictionary(grouping: progress, by: \.traineeID)
        let activitiesByTrainee = Dictionary(grouping: activities, by: \.traineeID)
        let talksByTrainee = Dictionary(grouping: talks, by: \.traineeID)
        let rows = trainees.map { trainee in
            let plans = (assignmentsByTrainee[trainee.id] ?? []).compactMap { plansByReference[$0.plan] }
            let report = ProgressReport.compute(
                traineeID: trainee.id, plans: plans, progress: progressByTrainee[trainee.id] ?? [],
                activities: activitiesByTrainee[trainee.id] ?? [], talks: talksByTrainee[trainee.id] ?? [])
            return Row(trainee: trainee, report: report)
        }
        return LederOverview(rows: rows)
    }
}

extension LederOverview.Row {
    package init(trainee: Trainee, report: ProgressReport) {
        self.init(
            traineeID: trainee.id, name: trainee.name, programme: trainee.programme,
            plans: report.plans.map { plan in
                LederOverview.PlanSummary(
                    plan: plan.plan, name: plan.name, objectives: plan.objectiveCount, approved: plan.approved.count,
                    submitted: plan.submitted.count, inProgress: plan.inProgress.count, notStarted: plan.notStarted.count,
                    isComplete: plan.isComplete)
            },
            activitiesSigned: report.activitiesSigned, talksHeld: report.talksHeld,
            awaitingDecision: report.plans.reduce(0) { $0 + $1.submitted.count }, isComplete: report.isComplete)
    }
}

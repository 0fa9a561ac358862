import struct Foundation.UUID

/// What an overview needs of each LIS's progress, counted by the database rather than decoded row by row:
/// per LIS and plan version, how many objectives stand where and how many activities are signed; per LIS,
/// how many talks are finalised.
///
/// An overview of fifty LIS covers thousands of progress and activity rows but shows a handful of numbers
/// per LIS; counting them where they are stored keeps the overview within a small factor of the reads
/// themselves. `LederOverview.build(trainees:assignments:catalog:tally:)` gives the same rows as the full
/// computation over the same records (a test compares the two on seeded data).
package struct ProgressTally: Sendable, Equatable {
    package struct Key: Hashable, Sendable {
        package let traineeID: UUID
        package let plan: PlanReference

        package init(traineeID: UUID, plan: PlanReference) {
            self.traineeID = traineeID
            self.plan = plan
        }
    }

    package struct Counts: Sendable, Equatable {
        /// Approved here or elsewhere.
        package var approved = 0
        package var submitted = 0
        /// In progress or rejected, and objectives with a recorded activity but no progress of their own yet.
        package var inProgress = 0
        package var activitiesSigned = 0

        package init(approved: Int = 0, submitted: Int = 0, inProgress: Int = 0, activitiesSigned: Int = 0) {
            self.approved = approved
            self.submitted = submitted
            self.inProgress = inProgress
            self.activitiesSigned = activitiesSigned
        }
    }

    package var plans: [Key: Counts]
    /// Finalised supervision talks per LIS.
    package var talksHeld: [UUID: Int]

    package init(plans: [Key: Counts] = [:], talksHeld: [UUID: Int] = [:]) {
        self.plans = plans
        self.talksHeld = talksHeld
    }
}

extension LederOverview {
    /// The overview of `trainees` from counts: the plans assigned to each (archived assignments left out, a
    /// plan version not in `catalog` skipped), in the order assigned.
    package static func build(
        trainees: [Trainee], assignments: [PlanAssignment], catalog: [Plan], tally: ProgressTally
    ) -> LederOverview {
        var plansByReference: [PlanReference: Plan] = [:]
        for plan in catalog { plansByReference[plan.reference] = plan }
        let assignmentsByTrainee = Dictionary(grouping: assignments.filter { $0.state != .archived }, by: \.traineeID)
        let rows = trainees.map { trainee in
            let plans = (assignmentsByTrainee[trainee.id] ?? []).compactMap { plansByReference[$0.plan] }
            var signed = 0
            let summaries = plans.map { plan in
                let counts = tally.plans[ProgressTally.Key(traineeID: trainee.id, plan: plan.reference)] ?? .init()
                signed += counts.activitiesSigned
                let objectives = plan.objectives.count
                return PlanSummary(
                    plan: plan.reference, name: plan.name, objectives: objectives, approved: counts.approved,
                    submitted: counts.submitted, inProgress: counts.inProgress,
                    notStarted: max(0, objectives - counts.approved - counts.submitted - counts.inProgress),
                    isComplete: objectives > 0 && counts.approved == objectives)
            }
            return Row(
                traineeID: trainee.id, name: trainee.name, programme: trainee.programme, plans: summaries,
                activitiesSigned: signed, talksHeld: tally.talksHeld[trainee.id] ?? 0,
                awaitingDecision: summaries.reduce(0) { $0 + $1.submitted },
                isComplete: !summaries.isEmpty && summaries.allSatisfy(\.isComplete))
        }
        return LederOverview(rows: rows)
    }
}

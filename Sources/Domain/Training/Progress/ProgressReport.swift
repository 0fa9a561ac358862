import struct Foundation.Date
import struct Foundation.UUID

/// The progress report (*fremdriftsrapport*) of one LIS: per plan, where each objective stands, how many
/// activities are signed, and how many talks were held.
///
/// A pure computation over values the caller has loaded; one pass over each input with dictionary lookups,
/// because the leder overview computes it for every LIS of a tenant.
package struct ProgressReport: Sendable, Equatable {
    package struct Line: Sendable, Equatable {
        package let objectiveID: ObjectiveID
        package let title: String
        package let status: ObjectiveStatus
        package let approval: ObjectiveApproval?
    }

    package struct PlanProgress: Sendable, Equatable {
        package let plan: PlanReference
        package let name: String
        package let lines: [Line]
        package let approved: [ObjectiveID]
        package let submitted: [ObjectiveID]
        /// Including rejected objectives, which are back with the LIS.
        package let inProgress: [ObjectiveID]
        package let notStarted: [ObjectiveID]
        package let importedApprovals: Int
        package let activitiesSigned: Int
        package let activitiesAwaitingSignature: Int

        package var objectiveCount: Int { lines.count }
        /// Every objective approved, here or elsewhere.
        package var isComplete: Bool { !lines.isEmpty && approved.count == lines.count }
    }

    package let traineeID: UUID
    package let plans: [PlanProgress]
    /// Finalised supervision talks.
    package let talksHeld: Int
    package let talksOpen: Int

    package var activitiesSigned: Int { plans.reduce(0) { $0 + $1.activitiesSigned } }
    package var isComplete: Bool { !plans.isEmpty && plans.allSatisfy(\.isComplete) }

    fileprivate struct ObjectiveKey: Hashable {
        let plan: PlanReference
        let objectiveID: ObjectiveID
    }

    /// What the report needs of a LIS's activities: which objectives have one recorded (in any state), and
    /// how many are signed and awaiting signature per plan. Storage can count these in SQL instead of
    /// decoding every activity.
    package struct ActivityCounts: Sendable {
        fileprivate var worked: Set<ObjectiveKey> = []
        fileprivate var signed: [PlanReference: Int] = [:]
        fileprivate var awaiting: [PlanReference: Int] = [:]

        package init() {}

        /// The counts of `traineeID`'s activities among `activities`.
        package init(traineeID: UUID, activities: [LearningActivity]) {
            for activity in activities where activity.traineeID == traineeID {
                let (signed, awaiting): (Int, Int)
                switch activity.state {
                case .approved: (signed, awaiting) = (1, 0)
                case .submitted: (signed, awaiting) = (0, 1)
                case .draft, .rejected: (signed, awaiting) = (0, 0)
                }
                add(plan: activity.plan, objective: activity.objectiveID, signed: signed, awaiting: awaiting)
            }
        }

        /// Adds activities of `plan` (on `objective`, if any): `signed` approved and `awaiting` submitted.
        package mutating func add(plan: PlanReference, objective: ObjectiveID?, signed: Int, awaiting: Int) {
            if let objective { worked.insert(ObjectiveKey(plan: plan, objectiveID: objective)) }
            if signed > 0 { self.signed[plan, default: 0] += signed }
            if awaiting > 0 { self.awaiting[plan, default: 0] += awaiting }
        }
    }

    /// Computes the report of `traineeID` over `plans`; records of other LIS or other plans are ignored.
    /// An objective without a progress record counts as in progress once an activity has been recorded for it.
    package static func compute(
        traineeID: UUID, plans: [Plan], progress: [ObjectiveProgress], activities: [LearningActivity],
        talks: [SupervisionTalk]
    ) -> ProgressReport {
        compute(
            traineeID: traineeID, plans: plans, progress: progress,
            activities: ActivityCounts(traineeID: traineeID, activities: activities),
            talks: TalkCounts(traineeID: traineeID, talks: talks))
    }

    /// What the report needs of a LIS's supervision talks: how many are finalised, and how many not yet.
    /// Storage can count these in SQL instead of reading every talk.
    package struct TalkCounts: Sendable, Equatable {
        package var held: Int
        package var open: Int

        package init(held: Int, open: Int) {
            self.held = held
            self.open = open
        }

        /// The counts of `traineeID`'s talks among `talks`.
        package init(traineeID: UUID, talks: [SupervisionTalk]) {
            (held, open) = (0, 0)
            for talk in talks where talk.traineeID == traineeID {
                if talk.isFinalised { held += 1 } else { open += 1 }
            }
        }
    }

    /// The report from activity and talk counts (`ActivityCounts`, `TalkCounts`) rather than the records.
    package static func compute(
        traineeID: UUID, plans: [Plan], progress: [ObjectiveProgress], activities: ActivityCounts,
        talks: TalkCounts
    ) -> ProgressReport {
        var progressByObjective: [ObjectiveKey: ObjectiveProgress] = [:]
        progressByObjective.reserveCapacity(progress.count)
        for record in progress where record.traineeID == traineeID {
            progressByObjective[ObjectiveKey(plan: record.plan, objectiveID: record.objectiveID)] = record
        }
        let worked = activities.worked
        let signed = activities.signed
        let awaiting = activities.awaiting
        let planProgress = plans.map { plan in
            let reference = plan.reference
            var lines: [Line] = []
            lines.reserveCapacity(plan.objectives.count)
            var approved: [ObjectiveID] = []
            var submitted: [ObjectiveID] = []
            var inProgress: [ObjectiveID] = []
            var notStarted: [ObjectiveID] = []
            var imported = 0
            for objective in plan.objectives {
                let key = ObjectiveKey(plan: reference, objectiveID: objective.id)
                let status: ObjectiveStatus
                var approval: ObjectiveApproval?
                switch progressByObjective[key]?.state {
                case .approved(let given):
                    approval = given
                    status = given.isImported ? .approvedElsewhere : .approved
                case .submitted: status = .submitted
                case .rejected: status = .rejected
                case .inProgress: status = .inProgress
                case .notStarted, nil: status = worked.contains(key) ? .inProgress : .notStarted
                }
                switch status {
                case .approved: approved.append(objective.id)
                case .approvedElsewhere:
                    approved.append(objective.id)
                    imported += 1
                case .submitted: submitted.append(objective.id)
                case .inProgress, .rejected: inProgress.append(objective.id)
                case .notStarted: notStarted.append(objective.id)
                }
                lines.append(Line(objectiveID: objective.id, title: objective.title, status: status, approval: approval))
            }
            return PlanProgress(
                plan: reference, name: plan.name, lines: lines, approved: approved, submitted: submitted,
                inProgress: inProgress, notStarted: notStarted, importedApprovals: imported,
                activitiesSigned: signed[reference] ?? 0, activitiesAwaitingSignature: awaiting[reference] ?? 0)
        }
        return ProgressReport(traineeID: traineeID, plans: planProgress, talksHeld: talks.held, talksOpen: talks.open)
    }
}

extension Plan {
    /// The objectives of this version not approved (here or elsewhere) in `progress`, in plan order.
    package func outstandingObjectives(traineeID: UUID, progress: [ObjectiveProgress]) -> [ObjectiveID] {
        let reference = self.reference
        var approved: Set<ObjectiveID> = []
        for record in progress where record.traineeID == traineeID && record.plan == reference && record.isApproved {
            approved.insert(record.objectiveID)
        }
        return objectives.map(\.id).filter { !approved.contains($0) }
    }
}

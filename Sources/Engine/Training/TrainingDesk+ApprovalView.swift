import Domain
import Foundation
import Storage

/// What a leder sees before approving or rejecting one objective: the objective, its state, the LIS's
/// activities for it, and the veileder and supervisors who can be named as consulted. One read, logged
/// once in the LIS's access log, in the transaction that reads.
extension TrainingDesk {
    package func objectiveForDecision(_ caller: TenantCaller, trainee: UUID, planKey rawKey: String, objective rawID: String)
        async throws -> ObjectiveDecisionView
    {
        let planKey = try PlanKey(rawKey, field: "planKey")
        let objectiveID = try ObjectiveID(rawID, field: "objectiveId")
        return try await engine.store.withDatabase(caller.tenant.id) { database in
            try await database.read(
                .readProgressReport, trainee: trainee, by: caller.principal,
                object: "objective \(planKey.rawValue)/\(objectiveID.rawValue)", at: engine.now()
            ) { reader in
                guard
                    let assignment = try reader.planAssignments().first(where: {
                        $0.plan.key == planKey && $0.state != .archived
                    }),
                    let plan = try reader.plan(assignment.plan), let objective = plan.objective(objectiveID)
                else { throw ObjectiveError.unknownObjective(objectiveID) }
                let progress = try reader.objectiveProgress().first {
                    $0.plan == assignment.plan && $0.objectiveID == objectiveID
                }
                let activities = try reader.activities().filter {
                    $0.plan == assignment.plan && $0.objectiveID == objectiveID
                }
                return ObjectiveDecisionView(
                    trainee: reader.trainee, planName: plan.name, objective: objective, progress: progress,
                    activities: activities, holders: reader.roles, names: reader.holderNames(),
                    callerMayDecide: reader.role == .leder)
            }
        }
    }
}

/// One objective of a LIS as the leder decides on it.
package struct ObjectiveDecisionView: Sendable {
    package let trainee: Trainee
    package let planName: String
    package let objective: LearningObjective
    /// Nil before the LIS has done anything on it.
    package let progress: ObjectiveProgress?
    package let activities: [LearningActivity]
    /// Everyone who holds a role for the LIS now (the veileder and supervisors to name as consulted).
    package let holders: [RoleAssignment]
    package let names: [PersonKey: String]
    /// The caller is the LIS's leder (others may read the objective, not decide on it).
    package let callerMayDecide: Bool
}

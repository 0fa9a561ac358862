import Domain
import Foundation
import Storage

/// The LIS's own page: their record, plans (with each plan's objectives), objective states (without their
/// histories, which the objective's own page shows), the people who hold a role for them, and the
/// invitations they have sent, read in one transaction. The
/// LIS reading their own data is not logged (the permission table says so).
extension TrainingDesk {
    package func home(_ caller: TenantCaller) async throws -> TraineeHome {
        try await engine.store.withDatabase(caller.tenant.id) { database in
            guard let own = try database.trainee(personKey: caller.principal.personKey) else {
                throw TraineeError.notRegistered
            }
            return try await database.read(
                .readProgressReport, trainee: own.id, by: caller.principal, object: "home", at: engine.now()
            ) { reader in
                let plans = try reader.planAssignments().filter { $0.state != .archived }.compactMap { assignment in
                    try reader.plan(assignment.plan).map { (assignment: assignment, plan: $0) }
                }
                return TraineeHome(
                    trainee: reader.trainee, plans: plans, progress: try reader.objectiveStates(),
                    holders: reader.roles, invitations: try reader.invitations(), names: reader.holderNames())
            }
        }
    }
}

/// Everything the LIS's own page shows.
package struct TraineeHome: Sendable {
    package let trainee: Trainee
    package let plans: [(assignment: PlanAssignment, plan: Plan)]
    /// Without history.
    package let progress: [ObjectiveProgress]
    package let holders: [RoleAssignment]
    package let invitations: [Invitation]
    package let names: [PersonKey: String]
}

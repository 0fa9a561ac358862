import Domain
import Foundation
import Storage

/// What the leder sees to manage a LIS's plans: the LIS, their plans (archived ones too) and the plans in
/// force to assign; one read, logged once.
extension TrainingDesk {
    package func planChoice(_ caller: TenantCaller, trainee: UUID) async throws -> PlanChoice {
        let inForce = try engine.registry.plansInForce(on: CalendarDate.latestBegun(at: engine.now()))
        return try await engine.store.withDatabase(caller.tenant.id) { database in
            try await database.read(
                .readProgressReport, trainee: trainee, by: caller.principal, object: "plans", at: engine.now()
            ) { reader in
                PlanChoice(
                    trainee: reader.trainee,
                    assignments: try reader.planAssignments().map { assignment in
                        NamedAssignment(
                            assignment: assignment,
                            name: try reader.plan(assignment.plan)?.name ?? assignment.plan.key.rawValue)
                    },
                    inForce: inForce.filter { $0.programmes.contains(reader.trainee.programme) },
                    callerMayAssign: reader.role == .leder)
            }
        }
    }
}

/// A LIS's plans and the plans that can be assigned to them.
package struct PlanChoice: Sendable {
    package let trainee: Trainee
    package let assignments: [TrainingDesk.NamedAssignment]
    /// The plans in force for the LIS's programme.
    package let inForce: [Plan]
    package let callerMayAssign: Bool
}

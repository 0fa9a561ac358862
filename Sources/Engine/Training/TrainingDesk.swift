import Domain
import Foundation
import Storage

/// The training work on one LIS: plans, learning activities and their files, objectives and supervision
/// talks. Each method is one user-level operation; the permission check, the reads, the domain decision,
/// the write and the access-log line are one transaction of the tenant database.
package struct TrainingDesk: Sendable {
    let engine: Engine

    /// A plan assignment with the plan's name, as the LIS's plan list shows it.
    package struct NamedAssignment: Sendable {
        package let assignment: PlanAssignment
        package let name: String
    }

    /// The plans in force today (the newest version of each), to choose from.
    package func plansInForce(_ caller: TenantCaller) throws -> [Plan] {
        try engine.registry.plansInForce(on: CalendarDate.latestBegun(at: engine.now()))
    }

    /// The LIS's plans, archived ones included.
    package func planAssignments(_ caller: TenantCaller, trainee: UUID) async throws -> [NamedAssignment] {
        try await engine.store.withDatabase(caller.tenant.id) { database in
            try await database.read(
                .readProgressReport, trainee: trainee, by: caller.principal, object: "plans", at: engine.now()
            ) { reader in
                try reader.planAssignments().map { assignment in
                    NamedAssignment(
                        assignment: assignment, name: try reader.plan(assignment.plan)?.name ?? assignment.plan.key.rawValue)
                }
            }
        }
    }

    /// The leder assigns a plan in force (an ALIS's ALM and FKM).
    package func assignPlan(_ caller: TenantCaller, trainee: UUID, planKey rawKey: String) async throws
        -> NamedAssignment
    {
        let now = engine.now()
        return try await engine.store.withDatabase(caller.tenant.id) { database in
            // Checked before the catalog is consulted, so a person without the permission learns nothing
            // about the plans; the assignment checks again in its own transaction.
            try database.check(.assignPlan, trainee: trainee, by: caller.principal)
            let key = try PlanKey(rawKey)
            guard
                let plan = try engine.registry.plansInForce(on: CalendarDate.latestBegun(at: now))
                    .first(where: { $0.key == key })
            else { throw ValidationError(field: "planKey", reason: .notAllowed("no plan with this key is in force")) }
            let assignment = try await database.assignPlan(
                plan, traineeID: trainee, by: caller.principal, id: engine.newID(), at: now)
            return NamedAssignment(assignment: assignment, name: plan.name)
        }
    }

    /// The leder removes a plan no work has started on.
    package func removePlan(_ caller: TenantCaller, trainee: UUID, assignment: UUID) async throws {
        try await engine.store.withDatabase(caller.tenant.id) { database in
            try await database.removeAssignment(id: assignment, traineeID: trainee, by: caller.principal, at: engine.now())
        }
    }

    /// The leder archives a started plan; its history stays.
    package func archivePlan(_ caller: TenantCaller, trainee: UUID, assignment id: UUID) async throws -> NamedAssignment {
        try await engine.store.withDatabase(caller.tenant.id) { database in
            let assignment = try await database.archiveAssignment(
                id: id, traineeID: trainee, by: caller.principal, at: engine.now())
            return NamedAssignment(
                assignment: assignment, name: try database.assignedPlan(assignment.plan)?.name ?? assignment.plan.key.rawValue)
        }
    }

    /// The plan version the LIS is on for `key`: the one assigned and not archived, never a newer one.
    static func assignedReference(_ rawKey: String, in reader: TraineeReader) throws -> PlanReference {
        let key = try PlanKey(rawKey)
        guard let assignment = try reader.planAssignments().first(where: { $0.plan.key == key && $0.state != .archived })
        else { throw ValidationError(field: "planKey", reason: .notAllowed("this plan is not assigned to the LIS")) }
        return assignment.plan
    }
}

extension Engine {
    /// Plans, activities, objectives and talks of a LIS.
    package var training: TrainingDesk { TrainingDesk(engine: self) }
}

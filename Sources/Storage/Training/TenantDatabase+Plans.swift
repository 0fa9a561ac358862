import Domain
import Foundation
import GRDB

/// Plan assignments: which plan versions a LIS works on. Each verb one transaction with its access-log line.
extension TenantDatabase {
    /// The leder assigns `plan` (a catalog version the caller has read from the registry) to the LIS. The
    /// version is copied into this tenant's file if it is not here yet, so the LIS stays on it whatever the
    /// catalog publishes later.
    package func assignPlan(
        _ plan: Plan, traineeID: UUID, by actor: Principal, id: UUID, at now: Date
    ) async throws
        -> PlanAssignment
    {
        try await write { db in
            let access = try TrainingAccess.check(db, traineeID: traineeID, actor: actor, .assignPlan)
            let current = try PlanAssignmentRecord.all(db, trainee: traineeID)
            let assignment = try PlanAssignment.assign(
                plan, to: access.trainee, by: .leder(actor.personKey), roles: access.roles, current: current, id: id,
                at: now)
            try PlanSnapshot.store(db, plan)
            try PlanAssignmentRecord(assignment).insert(db)
            try access.log(db, .assignPlan, object: "plan:\(plan.reference)", at: now)
            return assignment
        }
    }

    /// Removes an assignment nobody has worked on (a mistake); one with work on it is archived instead.
    package func removeAssignment(id: UUID, traineeID: UUID, by actor: Principal, at now: Date) async throws {
        try await write { db in
            let access = try TrainingAccess.check(db, traineeID: traineeID, actor: actor, .assignPlan)
            let assignment = try Self.assignment(db, id: id, traineeID: traineeID)
            try assignment.checkRemovable()
            try PlanAssignmentRecord.deleteOne(db, key: id.lowercasedText)
            try access.log(db, .assignPlan, object: "plan:\(assignment.plan) removed", at: now)
        }
    }

    /// Archives an assignment with work on it: its activities and approvals stay, and the plan key is free
    /// for another version.
    package func archiveAssignment(
        id: UUID, traineeID: UUID, by actor: Principal, at now: Date
    ) async throws
        -> PlanAssignment
    {
        try await write { db in
            let access = try TrainingAccess.check(db, traineeID: traineeID, actor: actor, .assignPlan)
            let archived = try Self.assignment(db, id: id, traineeID: traineeID).archive(at: now)
            try PlanAssignmentRecord(archived).update(db)
            try access.log(db, .assignPlan, object: "plan:\(archived.plan) archived", at: now)
            return archived
        }
    }

    /// Assigns the plans the LIS gets without anyone asking (a LIS1 in a kommune: `lis1-kommune`), once the LIS
    /// has a leder. Idempotent: plans the LIS has already are left alone.
    ///
    /// The API calls this right after a leder role is granted (`acceptInvitation` or `grantRole` with
    /// `.leder`), with the catalog's plans in force today. It is a verb of its own rather than part of the
    /// grant because the plans live in the registry, another file; the access log names the leder whose
    /// arrival triggered it.
    package func ensureAutomaticPlans(
        traineeID: UUID, plansInForce: [Plan], tenantKind: TenantKind, newID: @escaping @Sendable () -> UUID, at now: Date
    ) async throws -> [PlanAssignment] {
        try await write { db in
            try Self.ensureAutomaticPlans(
                db, traineeID: traineeID, plansInForce: plansInForce, tenantKind: tenantKind, newID: newID, at: now)
        }
    }

    static func ensureAutomaticPlans(
        _ db: Database, traineeID: UUID, plansInForce: [Plan], tenantKind: TenantKind, newID: @Sendable () -> UUID,
        at now: Date
    ) throws -> [PlanAssignment] {
            let trainee = try Self.requireTrainee(db, traineeID)
            let roles = try RoleAssignmentRecord.active(db, trainee: traineeID)
            guard let leder = roles.first(where: { $0.role == .leder }) else { return [] }
            var current = try PlanAssignmentRecord.all(db, trainee: traineeID)
            var added: [PlanAssignment] = []
            let keys = PlanAssignment.automaticPlans(
                programme: trainee.programme, tenantKind: tenantKind, hasLeder: true)
            for key in keys {
                guard !current.contains(where: { $0.plan.key == key && $0.state != .archived }),
                    let plan = plansInForce.first(where: { $0.key == key })
                else { continue }
                let assignment = try PlanAssignment.assign(
                    plan, to: trainee, by: .automatic, roles: roles, current: current, id: newID(), at: now)
                try PlanSnapshot.store(db, plan)
                try PlanAssignmentRecord(assignment).insert(db)
                try AccessLogRecord(
                    AccessLogEntry(
                        traineeID: traineeID, actor: leder.personKey, actorName: leder.personName, role: .leder,
                        operation: .assignPlan, object: "plan:\(plan.reference) automatic", reason: nil, at: now)
                ).append(db)
                current.append(assignment)
                added.append(assignment)
            }
            return added
    }

    /// Every assignment of the LIS, archived ones included, oldest first (the caller authorizes the read).
    package func planAssignments(traineeID: UUID) throws -> [PlanAssignment] {
        try queue.read { db in try PlanAssignmentRecord.all(db, trainee: traineeID) }
    }

    /// The tenant's copy of a plan version, or nil when no LIS here was ever assigned it.
    package func assignedPlan(_ reference: PlanReference) throws -> Plan? {
        try queue.read { db in try PlanSnapshot.load(db, reference) }
    }

    private static func assignment(_ db: Database, id: UUID, traineeID: UUID) throws -> PlanAssignment {
        guard let assignment = try PlanAssignmentRecord.fetchOne(db, key: id.lowercasedText)?.assignment()
        else { throw PlanAssignmentError.notFound }
        guard assignment.traineeID == traineeID else { throw PlanAssignmentError.notThisTrainee }
        return assignment
    }
}

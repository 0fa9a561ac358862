import Domain
import Foundation
import GRDB

/// What every training verb reads and checks first, inside its own transaction: the LIS, the roles held for
/// them now, and the capacity in which the caller may do the operation (`PermissionTable`).
///
/// Reading the roles in the same transaction as the change means a role revoked a moment ago can never
/// authorize it.
struct TrainingAccess {
    let trainee: Trainee
    /// Every role held for the LIS now, by anyone: the domain decisions check named people against them.
    let roles: [RoleAssignment]
    let actor: Principal
    /// The capacity the caller acts in, for the access log.
    let role: Role

    static func check(
        _ db: Database, traineeID: UUID, actor: Principal, _ operation: TraineeOperation
    ) throws -> TrainingAccess {
        let (trainee, roles, held) = try load(db, traineeID: traineeID, actor: actor)
        let role = try PermissionTable.authorize(operation, holding: held)
        return TrainingAccess(trainee: trainee, roles: roles, actor: actor, role: role)
    }

    /// The LIS, everyone's roles, and the roles `actor` holds (with `.lis` when it is the LIS).
    static func load(
        _ db: Database, traineeID: UUID, actor: Principal
    ) throws
        -> (trainee: Trainee, roles: [RoleAssignment], held: Set<Role>)
    {
        let trainee = try TenantDatabase.requireTrainee(db, traineeID)
        let roles = try RoleAssignmentRecord.active(db, trainee: traineeID)
        var held: Set<Role> = trainee.personKey == actor.personKey ? [.lis] : []
        for assignment in roles where assignment.personKey == actor.personKey { held.insert(assignment.role) }
        return (trainee, roles, held)
    }

    /// Writes the access-log line for `operation` when it is logged (every change; reads by anyone but the LIS).
    func log(_ db: Database, _ operation: TraineeOperation, object: String, at now: Date) throws {
        guard AccessLogEntry.isLogged(operation, role: role) else { return }
        try AccessLogRecord(
            AccessLogEntry(
                traineeID: trainee.id, actor: actor.personKey, actorName: actor.name, role: role, operation: operation,
                object: object, reason: nil, at: now)
        ).append(db)
    }

    /// `objective:DEL1-042 plan:lis1-kommune@1`
    static func objectiveObject(_ id: ObjectiveID, _ plan: PlanReference) -> String {
        "objective:\(id.rawValue) plan:\(plan)"
    }

    static func object(_ kind: String, _ id: UUID) -> String { "\(kind):\(id.lowercasedText)" }
}

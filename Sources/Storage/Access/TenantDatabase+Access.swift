import Domain
import Foundation
import GRDB

/// Roles per LIS and the access log of the engine.
extension TenantDatabase {
    /// A LIS and the roles `person` holds for them, from one snapshot; nil when no such LIS.
    ///
    /// This is the one database read behind an authorization check: the roles come with the record
    /// the operation needs anyway.
    package func trainee(id: UUID, rolesOf person: PersonKey) throws -> (trainee: Trainee, roles: Set<Role>)? {
        try queue.read { db in
            guard let trainee = try Self.trainee(db, id: id) else { return nil }
            var roles: Set<Role> = trainee.personKey == person ? [.lis] : []
            let held = try String.fetchAll(
                db.cachedStatement(
                    sql: "SELECT role FROM roleAssignment WHERE traineeId = ? AND personKey = ? AND revokedAt IS NULL"),
                arguments: [id.lowercasedText, person.hex])
            roles.formUnion(held.compactMap(Role.init(rawValue:)))
            return (trainee, roles)
        }
    }

    /// Grants a per-LIS role: read the current holders → decide → write, in one transaction.
    package func grantRole(
        _ role: Role, to person: Principal, traineeID: UUID, grantedBy: String, id: UUID, at now: Date
    ) async throws -> RoleAssignment {
        try await write { db in
            guard let trainee = try TraineeRecord.fetchOne(db, key: traineeID.lowercasedText)?.trainee() else {
                throw TraineeError.notFound(traineeID)
            }
            let current = try RoleAssignmentRecord.active(db, trainee: traineeID)
            let assignment = try RoleAssignment.grant(
                role, to: person, for: trainee, current: current, id: id, grantedBy: grantedBy, at: now)
            try RoleAssignmentRecord(assignment).insert(db)
            return assignment
        }
    }

    /// The people who hold a role for the LIS now, oldest first.
    package func roleAssignments(traineeID: UUID) throws -> [RoleAssignment] {
        try queue.read { db in try RoleAssignmentRecord.active(db, trainee: traineeID) }
    }

    /// Appends to the access log. Callers log before they return the data, so no access goes unrecorded.
    package func append(_ entry: AccessLogEntry) async throws {
        try await write { db in try AccessLogRecord(entry).append(db) }
    }

    /// The LIS's access log, newest first.
    package func accessLog(traineeID: UUID, limit: Int = 500) throws -> [AccessLogEntry] {
        try queue.read { db in
            try AccessLogRecord.filter(Column("traineeId") == traineeID.lowercasedText)
                .order(Column("id").desc).limit(limit).fetchAll(db).map { try $0.entry() }
        }
    }
}

import Domain
import Foundation
import GRDB

/// A read-only view of one LIS inside a transaction that has already let the caller in.
///
/// The engine assembles what an operation shows from it (`TenantDatabase.read`), so the permission check,
/// the reads and the access-log line of a read are one transaction: a read is logged if and only if it
/// happened, and a role revoked a moment before cannot authorize it.
package struct TraineeReader {
    let db: Database
    package let trainee: Trainee
    /// Every role held for the LIS now, by anyone.
    package let roles: [RoleAssignment]
    /// The capacity the caller was let in as.
    package let role: Role

    init(_ db: Database, _ access: TrainingAccess) {
        self.db = db
        self.trainee = access.trainee
        self.roles = access.roles
        self.role = access.role
    }

    /// The LIS's plan assignments, archived ones included.
    package func planAssignments() throws -> [PlanAssignment] {
        try PlanAssignmentRecord.all(db, trainee: trainee.id)
    }

    /// The plan version a LIS is on, as the tenant stored it when it was assigned.
    package func plan(_ reference: PlanReference) throws -> Plan? {
        try PlanSnapshot.load(db, reference)
    }

    /// The LIS's activities, newest first.
    package func activities() throws -> [LearningActivity] {
        try LearningActivityRecord.filter(Column("traineeId") == trainee.id.lowercasedText)
            .order(Column("createdAt").desc, Column("id")).fetchAll(db).map { try $0.activity() }
    }

    /// Every objective record of the LIS, with history.
    package func objectiveProgress() throws -> [ObjectiveProgress] {
        try ObjectiveProgressRecord.filter(Column("traineeId") == trainee.id.lowercasedText)
            .order(Column("planKey"), Column("planVersion"), Column("objectiveId")).fetchAll(db)
            .map { try $0.progress() }
    }

    /// Every objective record of the LIS without its history, in no particular order: where each objective
    /// stands, looked up by objective.
    package func objectiveStates() throws -> [ObjectiveProgress] {
        try ObjectiveProgressRecord.summaries(db, where: "traineeId = ?", arguments: [trainee.id.lowercasedText])
    }

    /// The invitations the LIS (or support) has sent, newest first.
    package func invitations() throws -> [Invitation] {
        try InvitationRecord.filter(Column("traineeId") == trainee.id.lowercasedText)
            .order(Column("createdAt").desc).fetchAll(db).map { try $0.invitation() }
    }

    /// Who read or changed the LIS's data, newest first.
    package func accessLog(limit: Int = 500) throws -> [AccessLogEntry] {
        try AccessLogRecord.filter(Column("traineeId") == trainee.id.lowercasedText)
            .order(Column("id").desc).limit(limit).fetchAll(db).map { try $0.entry() }
    }

    /// A stored file's reference, without its bytes.
    package func attachmentReference(sha256: String) throws -> AttachmentReference? {
        try Row.fetchOne(
            db, sql: "SELECT sha256, filename, mediaType, size FROM attachment WHERE traineeId = ? AND sha256 = ?",
            arguments: [trainee.id.lowercasedText, sha256]
        ).map {
            try AttachmentReference(sha256: $0["sha256"], filename: $0["filename"], mediaType: $0["mediaType"], size: $0["size"])
        }
    }

    /// A stored file with its bytes.
    package func attachment(sha256: String) throws -> (reference: AttachmentReference, bytes: Data)? {
        try Row.fetchOne(
            db, sql: "SELECT sha256, filename, mediaType, size, bytes FROM attachment WHERE traineeId = ? AND sha256 = ?",
            arguments: [trainee.id.lowercasedText, sha256]
        ).map { row in
            (
                try AttachmentReference(
                    sha256: row["sha256"], filename: row["filename"], mediaType: row["mediaType"], size: row["size"]),
                row["bytes"]
            )
        }
    }

    /// Names of the people who hold or held a role for the LIS, and the LIS, by person key.
    package func holderNames() -> [PersonKey: String] {
        var names = Dictionary(roles.map { ($0.personKey, $0.personName) }) { first, _ in first }
        names[trainee.personKey] = trainee.name
        return names
    }
}

extension TenantDatabase {
    /// Reads a LIS's data for `actor`: authorize `operation` → read (`body`) → access-log line, in one
    /// transaction. The line is written for every read the permission table says is logged (reads by
    /// anyone but the LIS); if the read throws, nothing is logged, and if the log cannot be written, nothing
    /// is returned.
    ///
    /// It runs in `write` so that the log line is in the same transaction; a deferred transaction that
    /// writes nothing (the LIS reading their own data) commits as a read.
    package func read<T: Sendable>(
        _ operation: TraineeOperation, trainee traineeID: UUID, by actor: Principal, object: String, at now: Date,
        _ body: @escaping @Sendable (TraineeReader) throws -> T
    ) async throws -> T {
        try await write { db in
            let access = try TrainingAccess.check(db, traineeID: traineeID, actor: actor, operation)
            let value = try body(TraineeReader(db, access))
            try access.log(db, operation, object: object, at: now)
            return value
        }
    }
}

extension TenantDatabase {
    /// Whether `actor` may do `operation` for the LIS now, nothing logged. Only for deciding whether to read
    /// a request body at all (an upload): the operation itself checks again inside its own transaction.
    package func check(_ operation: TraineeOperation, trainee traineeID: UUID, by actor: Principal) throws {
        try queue.read { db in _ = try TrainingAccess.check(db, traineeID: traineeID, actor: actor, operation) }
    }
}

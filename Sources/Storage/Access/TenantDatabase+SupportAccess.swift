import Domain
import Foundation
import GRDB

/// Support's time-limited, reasoned access to a tenant's training data.
extension TenantDatabase {
    package func recordSupportAccess(_ access: SupportAccess) async throws {
        try await write { db in
            try db.execute(
                sql: """
                    INSERT INTO supportAccess (id, supportKey, supportName, reason, grantedAt, expiresAt)
                    VALUES (?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    access.id.lowercasedText, access.supportKey.hex, access.supportName, access.reason,
                    access.grantedAt, access.expiresAt,
                ])
        }
    }

    /// Support reads a LIS record under its open access: the access is found, the record read and the LIS's
    /// access-log line (with support's reason) written in one transaction.
    package func supportRead(traineeID: UUID, by support: PersonKey, at now: Date) async throws -> Trainee {
        try await write { db in
            guard let access = try Self.openSupportAccess(db, for: support, at: now) else {
                throw AccessError.supportAccessRequired
            }
            let trainee = try Self.requireTrainee(db, traineeID)
            try AccessLogRecord(
                AccessLogEntry(
                    traineeID: traineeID, actor: support, actorName: "Brukerstøtte (\(access.supportName))",
                    role: .support, operation: .readRecord, object: "trainee", reason: access.reason, at: now)
            ).append(db)
            return trainee
        }
    }

    /// The newest access of this support person that is open at `now`, if any.
    package func openSupportAccess(for support: PersonKey, at now: Date) throws -> SupportAccess? {
        try queue.read { db in try Self.openSupportAccess(db, for: support, at: now) }
    }

    static func openSupportAccess(_ db: Database, for support: PersonKey, at now: Date) throws -> SupportAccess? {
            guard let row = try Row.fetchOne(
                db,
                sql: """
                    SELECT id, supportName, reason, grantedAt, expiresAt FROM supportAccess
                    WHERE supportKey = ? AND grantedAt <= ? AND expiresAt > ? ORDER BY expiresAt DESC LIMIT 1
                    """,
                arguments: [support.hex, now, now])
            else { return nil }
            guard let id = UUID(hyphenated: row["id"]) else { throw StorageError.corruptRow(table: "supportAccess", column: "id") }
            return SupportAccess(
                id: id, supportKey: support, supportName: row["supportName"], reason: row["reason"],
                grantedAt: row["grantedAt"], expiresAt: row["expiresAt"])
    }
}

import Domain
import Foundation
import GRDB

/// Support's time-limited, reasoned access to a tenant's training data.
extension TenantDatabase {
    package func recordSupportAccess(_ access: SupportAccess) async throws {
        try await queue.write { db in
            try db.execute(
                sql: """
                    INSERT INTO supportAccess (id, supportKey, supportName, reason, grantedAt, expiresAt)
                    VALUES (?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    access.id.uuidString.lowercased(), access.supportKey.hex, access.supportName, access.reason,
                    access.grantedAt, access.expiresAt,
                ])
        }
    }

    /// The newest access of this support person that is open at `now`, if any.
    package func openSupportAccess(for support: PersonKey, at now: Date) throws -> SupportAccess? {
        try queue.read { db in
            guard let row = try Row.fetchOne(
                db,
                sql: """
                    SELECT id, supportName, reason, grantedAt, expiresAt FROM supportAccess
                    WHERE supportKey = ? AND grantedAt <= ? AND expiresAt > ? ORDER BY expiresAt DESC LIMIT 1
                    """,
                arguments: [support.hex, now, now])
            else { return nil }
            guard let id = UUID(uuidString: row["id"]) else { throw StorageError.corruptRow(table: "supportAccess", column: "id") }
            return SupportAccess(
                id: id, supportKey: support, supportName: row["supportName"], reason: row["reason"],
                grantedAt: row["grantedAt"], expiresAt: row["expiresAt"])
        }
    }
}

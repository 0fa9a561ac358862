import Domain
import Foundation
import GRDB

/// The registry's own outbox (onboarding mail), with the same rules as a tenant's: nothing is deleted.
extension Registry {
    package func dueMail(at now: Date, limit: Int = 50) throws -> [OutgoingMail] {
        try pool.read { db in
            try OutboxRecord.filter(Column("sentAt") == nil && Column("nextAttemptAt") <= now)
                .order(Column("createdAt")).limit(limit).fetchAll(db).map { try $0.mail() }
        }
    }

    /// How many messages wait in the registry's outbox and since when (see `OutboxBacklog`).
    package func outboxBacklog() throws -> OutboxBacklog {
        try pool.read { db in try OutboxBacklog.read(db) }
    }

    package func markSent(_ id: UUID, at now: Date) async throws {
        try await pool.write { db in try OutboxRecord.markSent(db, id, at: now) }
    }

    package func markFailed(_ id: UUID, error: String, at now: Date) async throws {
        try await pool.write { db in try OutboxRecord.markFailed(db, id, error: error, at: now) }
    }
}

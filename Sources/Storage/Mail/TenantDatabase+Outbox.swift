import Domain
import Foundation
import GRDB

/// The outbox of a tenant: messages wait here until a transport has taken them. Nothing is ever deleted,
/// so a delivery failure never loses a message.
extension TenantDatabase {
    /// Messages not yet sent whose next attempt is due, oldest first.
    package func dueMail(at now: Date, limit: Int = 50) throws -> [OutgoingMail] {
        try queue.read { db in
            try OutboxRecord.filter(Column("sentAt") == nil && Column("nextAttemptAt") <= now)
                .order(Column("createdAt")).limit(limit).fetchAll(db).map { try $0.mail() }
        }
    }

    /// Whether any message still waits (due now or later).
    package func hasUnsentMail() throws -> Bool {
        try queue.read { db in try OutboxRecord.filter(Column("sentAt") == nil).fetchCount(db) > 0 }
    }

    /// How many messages wait and since when (see `OutboxBacklog`).
    package func outboxBacklog() throws -> OutboxBacklog {
        try queue.read { db in try OutboxBacklog.read(db) }
    }

    package func markSent(_ id: UUID, at now: Date) async throws {
        try await write { db in try OutboxRecord.markSent(db, id, at: now) }
    }

    package func markFailed(_ id: UUID, error: String, at now: Date) async throws {
        try await write { db in try OutboxRecord.markFailed(db, id, error: error, at: now) }
    }
}

extension OutboxRecord {
    static func markSent(_ db: Database, _ id: UUID, at now: Date) throws {
        try db.execute(
            sql: "UPDATE outbox SET sentAt = ?, attempts = attempts + 1, lastError = NULL WHERE id = ?",
            arguments: [now, id.lowercasedText])
    }

    /// Records a failed attempt; the next one waits twice as long as the last (1 min, 2, 4, … up to 6 h).
    static func markFailed(_ db: Database, _ id: UUID, error: String, at now: Date) throws {
        let attempts = try Int.fetchOne(
            db, sql: "SELECT attempts FROM outbox WHERE id = ?", arguments: [id.lowercasedText]) ?? 0
        let delay = min(60 * pow(2, Double(attempts)), 6 * 3600)
        try db.execute(
            sql: "UPDATE outbox SET attempts = attempts + 1, lastError = ?, nextAttemptAt = ? WHERE id = ?",
            arguments: [String(error.prefix(500)), now.addingTimeInterval(delay), id.lowercasedText])
    }
}

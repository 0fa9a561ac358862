import Foundation
import GRDB

/// What waits in one outbox: how many messages are unsent, since when the oldest has waited, and why its last
/// attempt failed. The delivery worker keeps these for the metrics (`kp_mail_outbox_*`).
package struct OutboxBacklog: Sendable, Equatable {
    package var count: Int
    /// When the oldest unsent message was queued; nil when nothing waits.
    package var oldest: Date?
    /// The oldest unsent message's last error, nil before its first attempt (or when nothing waits).
    package var lastError: String?

    package static let empty = OutboxBacklog(count: 0, oldest: nil, lastError: nil)

    /// Two indexed reads of the `outbox` table (a tenant's or the registry's: they have the same columns).
    static func read(_ db: Database) throws -> OutboxBacklog {
        let count = try OutboxRecord.filter(Column("sentAt") == nil).fetchCount(db)
        guard count > 0,
            let oldest = try OutboxRecord.filter(Column("sentAt") == nil).order(Column("createdAt")).fetchOne(db)
        else { return .empty }
        return OutboxBacklog(count: count, oldest: oldest.createdAt, lastError: oldest.lastError)
    }
}

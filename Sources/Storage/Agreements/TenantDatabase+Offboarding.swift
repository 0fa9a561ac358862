import Domain
import Foundation
import GRDB

/// The tenant's side of an agreement's end: every LIS (and their leder) is told, and the deletion step
/// knows who has not yet taken their sealed record.
extension TenantDatabase {
    /// Who is told of a termination: each LIS at the address they registered with (or, without one, the
    /// address `knownEmail` has for the person), and each current leder at the address they accepted the
    /// invitation with.
    package struct TerminationRecipient: Sendable, Equatable {
        package let traineeName: String
        package let email: String
        package let isLeder: Bool
    }

    /// Queues one notice per recipient in the tenant's outbox, in one transaction. Returns how many.
    @discardableResult
    package func queueTerminationNotices(
        at now: Date, knownEmail: @escaping @Sendable (PersonKey) -> String?,
        compose: @escaping @Sendable (TerminationRecipient) -> OutgoingMail
    ) async throws -> Int {
        try await write { db in
            var recipients: [TerminationRecipient] = []
            for row in try Row.fetchAll(db, sql: "SELECT name, email, personKey FROM trainee ORDER BY name") {
                let known = (row["personKey"] as String?).flatMap { try? PersonKey(hex: $0) }.flatMap(knownEmail)
                guard let email = (row["email"] as String?) ?? known else { continue }
                recipients.append(TerminationRecipient(traineeName: row["name"], email: email, isLeder: false))
            }
            let leders = try Row.fetchAll(
                db,
                sql: """
                    SELECT t.name AS traineeName, i.email AS email FROM roleAssignment r
                    JOIN trainee t ON t.id = r.traineeId
                    JOIN invitation i ON i.traineeId = r.traineeId AND i.role = 'leder' AND i.state = 'accepted'
                        AND i.acceptedBy = r.personKey
                    WHERE r.role = 'leder' AND r.revokedAt IS NULL
                    GROUP BY r.traineeId, r.personKey ORDER BY t.name
                    """)
            for row in leders {
                recipients.append(TerminationRecipient(traineeName: row["traineeName"], email: row["email"], isLeder: true))
            }
            for recipient in recipients { try OutboxRecord(compose(recipient), at: now).insert(db) }
            return recipients.count
        }
    }

    /// How many LIS the tenant has, and how many of them have not downloaded their own sealed
    /// approved-objectives record since `since` (the termination).
    package func recordsNotTaken(since: Date) throws -> (trainees: Int, notTaken: Int) {
        try queue.read { db in
            let trainees = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM trainee") ?? 0
            let notTaken =
                try Int.fetchOne(
                    db,
                    sql: """
                        SELECT COUNT(*) FROM trainee t WHERE NOT EXISTS (
                            SELECT 1 FROM recordDownload d WHERE d.traineeId = t.id AND d.at >= ?)
                        """, arguments: [since]) ?? 0
            return (trainees, notTaken)
        }
    }

    static func markRecordTaken(_ db: Database, traineeID: UUID, at now: Date) throws {
        try db.execute(
            sql: "INSERT INTO recordDownload (traineeId, at) VALUES (?, ?)", arguments: [traineeID.lowercasedText, now])
    }
}

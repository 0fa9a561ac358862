import Domain
import Foundation
import GRDB

/// What waits for one person in a tenant: counts for the start page, and the lists a signer and a leder
/// work from. A list shows LIS data (whose activity, which objective), so each LIS on it is let in by the
/// permission table and logged in their access log, in the transaction that reads.
extension TenantDatabase {
    /// How many things wait for `person` here, by kind: counts only, no LIS's data, so nothing is logged.
    package func waitingCounts(for person: PersonKey) throws -> WaitingCounts {
        try queue.read { db in
            let key = person.hex
            let toSign = try Int.fetchOne(
                db,
                sql: """
                    SELECT COUNT(*) FROM learningActivity a
                    WHERE a.state = 'submitted' AND a.submittedTo = ?
                      AND EXISTS (SELECT 1 FROM roleAssignment r WHERE r.traineeId = a.traineeId AND r.personKey = ?
                                  AND r.role = a.submittedRole AND r.revokedAt IS NULL)
                    """, arguments: [key, key]) ?? 0
            let toApprove = try Int.fetchOne(
                db,
                sql: """
                    SELECT COUNT(*) FROM objectiveProgress o
                    JOIN roleAssignment r ON r.traineeId = o.traineeId AND r.role = 'leder' AND r.revokedAt IS NULL
                    WHERE o.state = 'submitted' AND r.personKey = ?
                    """, arguments: [key]) ?? 0
            let own = try String.fetchOne(db, sql: "SELECT id FROM trainee WHERE personKey = ?", arguments: [key])
            func rejected(_ table: String) throws -> Int {
                guard let own else { return 0 }
                return try Int.fetchOne(
                    db, sql: "SELECT COUNT(*) FROM \(table) WHERE traineeId = ? AND state = 'rejected'", arguments: [own])
                    ?? 0
            }
            return WaitingCounts(
                activitiesToSign: toSign, objectivesToApprove: toApprove,
                rejectedActivities: try rejected("learningActivity"), rejectedObjectives: try rejected("objectiveProgress"))
        }
    }

    /// The activities sent to `actor` for signature, oldest first, with their LIS. A LIS whose role for the
    /// actor has ended since is left out (the permission table is asked for each); each LIS shown gets one
    /// access-log line.
    package func activitiesAwaitingSignature(by actor: Principal, at now: Date) async throws
        -> [(trainee: Trainee, activity: LearningActivity)]
    {
        try await write { db in
            let records = try LearningActivityRecord.filter(
                Column("state") == "submitted" && Column("submittedTo") == actor.personKey.hex
            ).order(Column("updatedAt"), Column("id")).fetchAll(db)
            var found: [(trainee: Trainee, activity: LearningActivity)] = []
            var admitted: [String: TrainingAccess?] = [:]
            for record in records {
                if admitted[record.traineeId] == nil {
                    guard let id = UUID(hyphenated: record.traineeId) else { continue }
                    admitted[record.traineeId] = try? TrainingAccess.check(db, traineeID: id, actor: actor, .signActivity)
                }
                guard let access = admitted[record.traineeId] ?? nil else { continue }
                found.append((access.trainee, try record.activity(withHistory: false)))
            }
            for access in admitted.values.compactMap({ $0 }) {
                try access.log(db, .readProgressReport, object: "activities awaiting signature", at: now)
            }
            return found
        }
    }

    /// The objectives the LIS of whom `actor` is leder have sent for approval, oldest first.
    ///
    /// One statement: each row with the time of its last «sent» event, which SQLite takes from the history
    /// (`json_each`) so that no history is decoded here. Reading each row again through the query interface and
    /// decoding its whole history was most of the page: 94 objectives took 16–17 ms of server time.
    package func objectivesAwaitingApproval(by actor: Principal, at now: Date) async throws
        -> [(trainee: Trainee, progress: ObjectiveProgress, submittedAt: Date)]
    {
        try await write { db in
            let (trainees, arguments) = ProgressInputs.Scope.leder(actor.personKey).traineeIDs
            let rows = try Row.fetchCursor(
                db.cachedStatement(
                    sql: """
                        SELECT \(ObjectiveProgressRecord.summaryColumns), updatedAt, (
                            SELECT strftime('%Y-%m-%d %H:%M:%f', json_extract(e.value, '$.at'))
                            FROM json_each(history) e WHERE json_extract(e.value, '$.kind') = 'submitted'
                            ORDER BY e.key DESC LIMIT 1)
                        FROM objectiveProgress WHERE state = 'submitted' AND traineeId IN (\(trainees))
                        ORDER BY updatedAt, traineeId, objectiveId
                        """), arguments: arguments)
            let cache = ValueCache()
            let updatedAt = ObjectiveProgressRecord.summaryColumnCount, sentAt = updatedAt + 1
            var found: [(trainee: Trainee, progress: ObjectiveProgress, submittedAt: Date)] = []
            var admitted: [UUID: TrainingAccess?] = [:]
            while let row = try rows.next() {
                let progress = try ObjectiveProgressRecord.summary(row, cache: cache)
                if admitted[progress.traineeID] == nil {
                    admitted[progress.traineeID] = try? TrainingAccess.check(
                        db, traineeID: progress.traineeID, actor: actor, .approveObjective)
                }
                guard let access = admitted[progress.traineeID] ?? nil else { continue }
                let table = ObjectiveProgressRecord.databaseTableName
                let submittedAt = try (row[sentAt] as String?).flatMap(StoredDate.parse)
                    ?? StoredDate.required(row, updatedAt, "updatedAt", table: table)
                found.append((access.trainee, progress, submittedAt))
            }
            for access in admitted.values.compactMap({ $0 }) {
                try access.log(db, .readProgressReport, object: "objectives awaiting approval", at: now)
            }
            return found
        }
    }
}

/// How many things wait for one person in one tenant.
package struct WaitingCounts: Sendable, Equatable {
    /// Activities sent to the person for signature (as supervisør or veileder).
    package let activitiesToSign: Int
    /// Objectives the person's LIS sent to them as leder.
    package let objectivesToApprove: Int
    /// The person's own activities that were rejected and wait to be corrected (as LIS).
    package let rejectedActivities: Int
    /// The person's own objectives that were rejected (underkjent).
    package let rejectedObjectives: Int

    package init(activitiesToSign: Int, objectivesToApprove: Int, rejectedActivities: Int, rejectedObjectives: Int) {
        self.activitiesToSign = activitiesToSign
        self.objectivesToApprove = objectivesToApprove
        self.rejectedActivities = rejectedActivities
        self.rejectedObjectives = rejectedObjectives
    }

    package static let none = WaitingCounts(
        activitiesToSign: 0, objectivesToApprove: 0, rejectedActivities: 0, rejectedObjectives: 0)
}

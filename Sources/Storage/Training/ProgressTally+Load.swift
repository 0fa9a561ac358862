import Domain
import Foundation
import GRDB

extension ProgressTally {
    /// Counts the progress of the LIS of `scope` with three grouped queries (progress, activities, talks);
    /// the rows are counted where they are stored and never decoded.
    static func load(_ db: Database, _ scope: ProgressInputs.Scope) throws -> ProgressTally {
        let (ofTrainees, arguments) = scope.condition
        let cache = ValueCache()
        var tally = ProgressTally()
        func key(_ row: Row) throws -> Key {
            guard let trainee = cache.uuid(row[0]), let plan = cache.planKey(row[1]) else {
                throw StorageError.corruptRow(table: "objectiveProgress", column: "traineeId")
            }
            return Key(traineeID: trainee, plan: PlanReference(key: plan, version: row[2]))
        }
        let progress = try Row.fetchCursor(
            db.cachedStatement(
                sql: """
                SELECT traineeId, planKey, planVersion, sum(state = 'approved'), sum(state = 'submitted'),
                    sum(state IN ('inProgress', 'rejected'))
                FROM objectiveProgress WHERE \(ofTrainees)
                GROUP BY traineeId, planKey, planVersion
                """),
            arguments: arguments)
        while let row = try progress.next() {
            let key = try key(row)
            tally.plans[key, default: .init()].approved += row[3]
            tally.plans[key, default: .init()].submitted += row[4]
            tally.plans[key, default: .init()].inProgress += row[5]
        }
        // An objective worked on (an activity recorded) without a progress state of its own is in progress.
        // Named index: SQLite prefers the unique index on the same four columns, which then reads each row
        // for its state (twice the time, measured on the 50-LIS benchmark tenant).
        let activities = try Row.fetchCursor(
            db.cachedStatement(
                sql: """
                SELECT a.traineeId, a.planKey, a.planVersion, sum(a.state = 'approved'),
                    count(DISTINCT CASE WHEN a.objectiveId IS NOT NULL AND NOT EXISTS (
                        SELECT 1 FROM objectiveProgress p INDEXED BY objectiveProgress_tally
                        WHERE p.traineeId = a.traineeId AND p.planKey = a.planKey AND p.planVersion = a.planVersion
                            AND p.objectiveId = a.objectiveId AND p.state <> 'notStarted'
                    ) THEN a.objectiveId END)
                FROM learningActivity a WHERE a.\(ofTrainees)
                GROUP BY a.traineeId, a.planKey, a.planVersion
                """),
            arguments: arguments)
        while let row = try activities.next() {
            let key = try key(row)
            tally.plans[key, default: .init()].activitiesSigned += row[3]
            tally.plans[key, default: .init()].inProgress += row[4]
        }
        let talks = try Row.fetchCursor(
            db.cachedStatement(
                sql: """
                SELECT traineeId, count(*) FROM supervisionTalk WHERE \(ofTrainees) AND state = 'finalised'
                GROUP BY traineeId
                """),
            arguments: arguments)
        while let row = try talks.next() {
            guard let trainee = cache.uuid(row[0]) else {
                throw StorageError.corruptRow(table: "supervisionTalk", column: "traineeId")
            }
            tally.talksHeld[trainee] = row[1]
        }
        return tally
    }
}

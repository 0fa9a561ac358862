import Domain
import Foundation
import GRDB

extension ProgressInputs.Scope {
    /// An SQL condition on a table with a `traineeId` column that selects the LIS of this scope, and its
    /// arguments.
    var condition: (sql: String, arguments: StatementArguments) {
        let (trainees, arguments) = traineeIDs
        return ("traineeId IN (\(trainees))", arguments)
    }

    /// A query for the ids of the LIS of this scope, and its arguments.
    var traineeIDs: (sql: String, arguments: StatementArguments) {
        switch self {
        case .trainee(let id):
            return ("?", [id.lowercasedText])
        case .leder(let person):
            return (
                "SELECT traineeId FROM roleAssignment WHERE personKey = ? AND role = 'leder' AND revokedAt IS NULL",
                [person.hex]
            )
        case .veileder(let person):
            return (
                "SELECT traineeId FROM roleAssignment WHERE personKey = ? AND role = 'veileder' AND revokedAt IS NULL",
                [person.hex]
            )
        case .tenant:
            return ("SELECT id FROM trainee", [])
        }
    }
}

extension ProgressInputs {
    /// What the full report and the counted overview both read: the LIS, their live assignments and the plan
    /// versions assigned.
    struct CommonInputs {
        var trainees: [Trainee]
        var assignments: [PlanAssignment]
        var plans: [Plan]

        static func load(_ db: Database, _ scope: Scope) throws -> CommonInputs {
            CommonInputs(
                trainees: try trainees(db, scope), assignments: try assignments(db, scope), plans: try plans(db, scope))
        }

        static func trainees(_ db: Database, _ scope: Scope) throws -> [Trainee] {
            let (trainees, arguments) = scope.traineeIDs
            return try Row.fetchAll(
                db.cachedStatement(
                    sql: "SELECT \(TraineeRecord.selectColumns) FROM trainee WHERE id IN (\(trainees)) ORDER BY name, id"),
                arguments: arguments
            ).map { try TraineeRecord(row: $0).trainee() }
        }

        /// The live assignments, oldest first.
        static func assignments(_ db: Database, _ scope: Scope) throws -> [PlanAssignment] {
            let (trainees, arguments) = scope.traineeIDs
            return try PlanAssignmentRecord.fetchAll(
                db.cachedStatement(
                    sql: "SELECT * FROM planAssignment WHERE \(live(trainees)) ORDER BY assignedAt, id"),
                arguments: arguments
            ).map { try $0.assignment() }
        }

        /// The plan versions of the live assignments.
        static func plans(_ db: Database, _ scope: Scope) throws -> [Plan] {
            let (trainees, arguments) = scope.traineeIDs
            return try Row.fetchAll(
                db.cachedStatement(
                    sql: """
                    SELECT key, version, sha256 FROM plan
                    WHERE (key, version) IN (SELECT planKey, planVersion FROM planAssignment WHERE \(live(trainees)))
                    """),
                arguments: arguments
            ).map { row in
                // The text (tens of kilobytes) is read only for a version not decoded before.
                if let cached = PlanCodec.cached(row["sha256"]) { return cached }
                let reference = PlanReference(key: try PlanKey(row["key"]), version: row["version"])
                guard let plan = try PlanSnapshot.load(db, reference) else {
                    throw StorageError.corruptRow(table: "plan", column: "content")
                }
                return plan
            }
        }

        private static func live(_ trainees: String) -> String { "state <> 'archived' AND traineeId IN (\(trainees))" }
    }
}

import Domain
import Foundation
import GRDB

/// The flat lists the progress computations take (`ProgressReport`, `LederOverview`), read for one LIS, the
/// LIS of one leder, or the whole tenant with one query per table, whatever the number of LIS.
///
/// Histories and talk texts are not read: the computations only count, and decoding every history of fifty
/// LIS would cost more than the whole overview may take.
struct ProgressInputs {
    enum Scope {
        case trainee(UUID)
        case leder(PersonKey)
        case veileder(PersonKey)
        case tenant
    }

    var trainees: [Trainee]
    /// Live (not archived) assignments.
    var assignments: [PlanAssignment]
    var plans: [Plan]
    var progress: [ObjectiveProgress]
    var activities: [LearningActivity]
    var talks: [SupervisionTalk]

    static func load(_ db: Database, _ scope: Scope) throws -> ProgressInputs {
        let trainees: String
        let arguments: StatementArguments
        switch scope {
        case .trainee(let id):
            trainees = "?"
            arguments = [id.uuidString.lowercased()]
        case .leder(let person):
            trainees =
                "SELECT traineeId FROM roleAssignment WHERE personKey = ? AND role = 'leder' AND revokedAt IS NULL"
            arguments = [person.hex]
        case .veileder(let person):
            trainees =
                "SELECT traineeId FROM roleAssignment WHERE personKey = ? AND role = 'veileder' AND revokedAt IS NULL"
            arguments = [person.hex]
        case .tenant:
            trainees = "SELECT id FROM trainee"
            arguments = []
        }
        let ofTrainees = "traineeId IN (\(trainees))"
        let live = "state <> 'archived' AND \(ofTrainees)"
        return ProgressInputs(
            trainees: try Row.fetchAll(
                db,
                sql: "SELECT \(TraineeRecord.selectColumns) FROM trainee WHERE id IN (\(trainees)) ORDER BY name, id",
                arguments: arguments
            ).map { try TraineeRecord(row: $0).trainee() },
            assignments: try PlanAssignmentRecord.fetchAll(
                db, sql: "SELECT * FROM planAssignment WHERE \(live) ORDER BY assignedAt, id", arguments: arguments
            ).map { try $0.assignment() },
            plans: try Row.fetchAll(
                db,
                sql: """
                    SELECT key, version, sha256 FROM plan
                    WHERE (key, version) IN (SELECT planKey, planVersion FROM planAssignment WHERE \(live))
                    """,
                arguments: arguments
            ).map { row in
                // The text (tens of kilobytes) is read only for a version not decoded before.
                if let cached = PlanCodec.cached(row["sha256"]) { return cached }
                let reference = PlanReference(key: try PlanKey(row["key"]), version: row["version"])
                guard let plan = try PlanSnapshot.load(db, reference) else {
                    throw StorageError.corruptRow(table: "plan", column: "content")
                }
                return plan
            },
            progress: try ObjectiveProgressRecord.summaries(db, where: ofTrainees, arguments: arguments),
            activities: try LearningActivityRecord.fetchAll(
                db, sql: "SELECT \(LearningActivityRecord.summaryColumns) FROM learningActivity WHERE \(ofTrainees)",
                arguments: arguments
            ).map { try $0.activity(withHistory: false) },
            talks: try SupervisionTalkRecord.fetchAll(
                db,
                sql: """
                    SELECT id, traineeId, veileder, date, topic, NULL AS preparation, NULL AS minutes, state,
                        lastWrittenBy, finalisedBy, finalisedAt, createdAt, updatedAt
                    FROM supervisionTalk WHERE \(ofTrainees)
                    """,
                arguments: arguments
            ).map { try $0.talk() })
    }

    /// The progress report of one LIS over the plans assigned to them, in the order assigned.
    func report(for traineeID: UUID) -> ProgressReport {
        var plansByReference: [PlanReference: Plan] = [:]
        for plan in plans { plansByReference[plan.reference] = plan }
        return ProgressReport.compute(
            traineeID: traineeID,
            plans: assignments.filter { $0.traineeID == traineeID }.compactMap { plansByReference[$0.plan] },
            progress: progress, activities: activities, talks: talks)
    }

    var overview: LederOverview {
        LederOverview.build(
            trainees: trainees, assignments: assignments, catalog: plans, progress: progress, activities: activities,
            talks: talks)
    }
}

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
        let (ofTrainees, arguments) = scope.condition
        let common = try CommonInputs.load(db, scope)
        return ProgressInputs(
            trainees: common.trainees, assignments: common.assignments, plans: common.plans,
            progress: try ObjectiveProgressRecord.summaries(db, where: ofTrainees, arguments: arguments),
            activities: try LearningActivityRecord.fetchAll(
                db.cachedStatement(
                    sql: "SELECT \(LearningActivityRecord.summaryColumns) FROM learningActivity WHERE \(ofTrainees)"),
                arguments: arguments
            ).map { try $0.activity(withHistory: false) },
            talks: try talks(db, where: ofTrainees, arguments: arguments))
    }

    /// The talks matching `condition`, without their texts (the computations count them).
    static func talks(_ db: Database, where condition: String, arguments: StatementArguments) throws
        -> [SupervisionTalk]
    {
        try SupervisionTalkRecord.fetchAll(
            db.cachedStatement(
                sql: """
                SELECT id, traineeId, veileder, date, topic, NULL AS preparation, NULL AS minutes, state,
                    lastWrittenBy, finalisedBy, finalisedAt, createdAt, updatedAt
                FROM supervisionTalk WHERE \(condition)
                """),
            arguments: arguments
        ).map { try $0.talk() }
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

    /// The progress report of one LIS read for that report alone: the progress rows decoded, the activities
    /// (a LIS has hundreds) counted by the database per objective, and the talks counted by it. The LIS was
    /// read by the access check before, so it is not read again here.
    static func report(_ db: Database, traineeID: UUID) throws -> ProgressReport {
        let scope = Scope.trainee(traineeID)
        let (ofTrainee, arguments) = scope.condition
        let assignments = try CommonInputs.assignments(db, scope)
        var plansByReference: [PlanReference: Plan] = [:]
        for plan in try CommonInputs.plans(db, scope) { plansByReference[plan.reference] = plan }
        let cache = ValueCache()
        var activities = ProgressReport.ActivityCounts()
        let rows = try Row.fetchCursor(
            db.cachedStatement(
                sql: """
                SELECT planKey, planVersion, objectiveId, sum(state = 'approved'), sum(state = 'submitted')
                FROM learningActivity WHERE \(ofTrainee)
                GROUP BY planKey, planVersion, objectiveId
                """),
            arguments: arguments)
        while let row = try rows.next() {
            guard let key = cache.planKey(row[0]) else {
                throw StorageError.corruptRow(table: LearningActivityRecord.databaseTableName, column: "planKey")
            }
            let objective: ObjectiveID?
            if let raw = row[2] as String? {
                guard let id = cache.objective(raw) else {
                    throw StorageError.corruptRow(table: LearningActivityRecord.databaseTableName, column: "objectiveId")
                }
                objective = id
            } else {
                objective = nil
            }
            activities.add(
                plan: PlanReference(key: key, version: row[1]), objective: objective, signed: row[3], awaiting: row[4])
        }
        return ProgressReport.compute(
            traineeID: traineeID, plans: assignments.compactMap { plansByReference[$0.plan] },
            // The objectives with activities, most of those with a progress row, are known to the cache now.
            progress: try ObjectiveProgressRecord.summaries(db, where: ofTrainee, arguments: arguments, cache: cache),
            activities: activities, talks: try talkCounts(db, where: ofTrainee, arguments: arguments))
    }

    /// How many of the talks matching `condition` are finalised, and how many are not.
    static func talkCounts(_ db: Database, where condition: String, arguments: StatementArguments) throws
        -> ProgressReport.TalkCounts
    {
        let row = try Row.fetchOne(
            db.cachedStatement(
                sql: """
                SELECT count(*) FILTER (WHERE state = 'finalised'), count(*) FILTER (WHERE state <> 'finalised')
                FROM supervisionTalk WHERE \(condition)
                """),
            arguments: arguments)
        return ProgressReport.TalkCounts(held: row?[0] ?? 0, open: row?[1] ?? 0)
    }

    var overview: LederOverview {
        LederOverview.build(
            trainees: trainees, assignments: assignments, catalog: plans, progress: progress, activities: activities,
            talks: talks)
    }
}

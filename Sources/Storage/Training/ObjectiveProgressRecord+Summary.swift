import Domain
import Foundation
import GRDB

/// Progress rows read for the computations that count: the overview of fifty LIS reads thousands of them.
///
/// Straight from each row to the domain value, by column index, without the history, and with the checked
/// identifiers that repeat from row to row reused (`ValueCache`); every value is still validated.
extension ObjectiveProgressRecord {
    static let summaryColumns = """
        id, traineeId, planKey, planVersion, objectiveId, state, comment, approvedAt, approvedBy, consultedVeileder,
        consultedSupervisors, importedFrom, importedOrganisationNumber, importedApprovers
        """
    /// How many columns `summaryColumns` names: a query may add its own after them.
    static let summaryColumnCount = summaryColumns.split(separator: ",").count

    /// The progress rows matching `condition` (an SQL condition on `objectiveProgress`), without history;
    /// `cache` may already know the identifiers from another query of the same read.
    static func summaries(
        _ db: Database, where condition: String, arguments: StatementArguments, cache: ValueCache = ValueCache()
    ) throws
        -> [ObjectiveProgress]
    {
        var result: [ObjectiveProgress] = []
        let rows = try Row.fetchCursor(
            db.cachedStatement(
                sql: "SELECT \(summaryColumns) FROM objectiveProgress WHERE \(condition)"),
            arguments: arguments)
        while let row = try rows.next() { result.append(try summary(row, cache: cache)) }
        return result
    }

    /// One row of `summaryColumns` (the first `summaryColumnCount` columns of `row`) as the domain value, without
    /// history.
    static func summary(_ row: Row, cache: ValueCache) throws -> ObjectiveProgress {
        let corrupt = { (column: String) in StorageError.corruptRow(table: Self.databaseTableName, column: column) }
        guard let id = UUID(hyphenated: row[0]), let trainee = cache.uuid(row[1]) else { throw corrupt("id") }
        guard let key = cache.planKey(row[2]) else { throw corrupt("planKey") }
        let plan = PlanReference(key: key, version: row[3])
        guard let objective = cache.objective(row[4]) else { throw corrupt("objectiveId") }
        let state: ObjectiveProgress.State
        switch row[5] as String {
        case "notStarted": state = .notStarted
        case "inProgress": state = .inProgress
        case "submitted": state = .submitted
        case "approved":
            let stamp: String? = row[7]
            state = .approved(
                try approval(
                    at: stamp.flatMap(StoredDate.parse), by: row[8], veileder: row[9], supervisors: row[10],
                    from: row[11], organisation: row[12], names: row[13], plan: plan, objective: objective,
                    cache: cache))
        case "rejected":
            guard let comment: String = row[6] else { throw corrupt("comment") }
            state = .rejected(comment: comment)
        default: throw corrupt("state")
        }
        return ObjectiveProgress(
            id: id, traineeID: trainee, plan: plan, objectiveID: objective, state: state, history: [])
    }
}

import Domain
import Foundation
import GRDB

/// A row of a tenant database's append-only `accessLog` table.
struct AccessLogRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "accessLog"

    var id: Int64?
    var traineeId: String
    var actorKey: String
    var actorName: String
    var role: String
    var operation: String
    var object: String
    var reason: String?
    var at: Date

    init(_ entry: AccessLogEntry) {
        traineeId = entry.traineeID.lowercasedText
        actorKey = entry.actor.hex
        actorName = entry.actorName
        role = entry.role.rawValue
        operation = entry.operation.rawValue
        object = entry.object
        reason = entry.reason
        at = entry.at
    }

    /// Appends the line through one cached statement: every logged read and every write appends one, and
    /// GRDB's generic insert (its container and statement lookup) cost about as much as SQLite's work.
    func append(_ db: Database) throws {
        let statement = try db.cachedStatement(
            sql: """
                INSERT INTO accessLog (traineeId, actorKey, actorName, role, operation, object, reason, at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """)
        statement.setUncheckedArguments([
            traineeId, actorKey, actorName, role, operation, object, reason, StoredDate.text(at),
        ])
        try statement.execute()
    }

    func entry() throws -> AccessLogEntry {
        guard let trainee = UUID(hyphenated: traineeId), let role = Role(rawValue: role),
            let operation = TraineeOperation(rawValue: operation), let actor = try? PersonKey(hex: actorKey)
        else { throw StorageError.corruptRow(table: Self.databaseTableName, column: "?") }
        return AccessLogEntry(
            traineeID: trainee, actor: actor, actorName: actorName, role: role, operation: operation, object: object,
            reason: reason, at: at)
    }
}

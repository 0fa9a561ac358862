import Domain
import Foundation
import GRDB

/// A row of a tenant database's `roleAssignment` table.
struct RoleAssignmentRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "roleAssignment"

    var id: String
    var traineeId: String
    var personKey: String
    var personName: String
    var role: String
    var grantedAt: Date
    var grantedBy: String
    var revokedAt: Date?

    init(_ assignment: RoleAssignment) {
        id = assignment.id.lowercasedText
        traineeId = assignment.traineeID.lowercasedText
        personKey = assignment.personKey.hex
        personName = assignment.personName
        role = assignment.role.rawValue
        grantedAt = assignment.grantedAt
        grantedBy = assignment.grantedBy
        revokedAt = nil
    }

    /// The table's columns in order: `init(row:)` reads `SELECT *` by position, and a test holds this list
    /// to the migrated table.
    static let columnOrder = [
        "id", "traineeId", "personKey", "personName", "role", "grantedAt", "grantedBy", "revokedAt",
    ]

    /// By position, in the table's column order (`SELECT *`), with `StoredDate`: every training step reads
    /// the roles of its LIS, and `Decodable` cost more than the query.
    init(row: Row) throws {
        id = row[0]
        traineeId = row[1]
        personKey = row[2]
        personName = row[3]
        role = row[4]
        grantedAt = try StoredDate.required(row, 5, "grantedAt", table: Self.databaseTableName)
        grantedBy = row[6]
        revokedAt = try StoredDate.column(row, 7, "revokedAt", table: Self.databaseTableName)
    }

    func assignment() throws -> RoleAssignment {
        guard let id = UUID(hyphenated: id), let traineeID = UUID(hyphenated: traineeId) else {
            throw StorageError.corruptRow(table: Self.databaseTableName, column: "id")
        }
        guard let role = Role(rawValue: role) else { throw StorageError.corruptRow(table: Self.databaseTableName, column: "role") }
        guard let key = try? PersonKey(hex: personKey) else {
            throw StorageError.corruptRow(table: Self.databaseTableName, column: "personKey")
        }
        return RoleAssignment(
            id: id, traineeID: traineeID, personKey: key, personName: personName, role: role, grantedAt: grantedAt,
            grantedBy: grantedBy)
    }

    static func active(_ db: Database, trainee: UUID) throws -> [RoleAssignment] {
        // A cached statement: this runs in every training step, and building the query each time showed in profiles.
        // Grants of the same millisecond keep the order they were made in (`rowid`).
        try RoleAssignmentRecord.fetchAll(
            db.cachedStatement(
                sql: """
                    SELECT * FROM roleAssignment WHERE traineeId = ? AND revokedAt IS NULL ORDER BY grantedAt, rowid
                    """),
            arguments: [trainee.lowercasedText]
        ).map { try $0.assignment() }
    }
}

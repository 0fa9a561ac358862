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
        id = assignment.id.uuidString.lowercased()
        traineeId = assignment.traineeID.uuidString.lowercased()
        personKey = assignment.personKey.hex
        personName = assignment.personName
        role = assignment.role.rawValue
        grantedAt = assignment.grantedAt
        grantedBy = assignment.grantedBy
        revokedAt = nil
    }

    func assignment() throws -> RoleAssignment {
        guard let id = UUID(uuidString: id), let traineeID = UUID(uuidString: traineeId) else {
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
        try RoleAssignmentRecord.fetchAll(
            db.cachedStatement(
                sql: "SELECT * FROM roleAssignment WHERE traineeId = ? AND revokedAt IS NULL ORDER BY grantedAt"),
            arguments: [trainee.uuidString.lowercased()]
        ).map { try $0.assignment() }
    }
}

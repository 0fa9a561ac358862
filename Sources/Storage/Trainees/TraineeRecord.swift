import Domain
import Foundation
import GRDB

/// A row of a tenant database's `trainee` table.
struct TraineeRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "trainee"

    var id: String
    var personKey: String
    var name: String
    var hprNumber: String?
    var programme: String
    var email: String?
    var registeredAt: Date

    init(_ trainee: Trainee) {
        id = trainee.id.lowercasedText
        personKey = trainee.personKey.hex
        name = trainee.name
        hprNumber = trainee.hprNumber
        programme = trainee.programme.rawValue
        email = trainee.email
        registeredAt = trainee.registeredAt
    }

    /// The table's columns in order: `init(row:)` reads by position, both the explicit `selectColumns` and
    /// `SELECT *` (`fetchOne(db, key:)`), and a test holds this list to the migrated table.
    static let columnOrder = ["id", "personKey", "name", "hprNumber", "programme", "email", "registeredAt"]

    init(row: Row) throws {
        id = row[0]
        personKey = row[1]
        name = row[2]
        hprNumber = row[3]
        programme = row[4]
        email = row[5]
        registeredAt = row[6]
    }

    static let selectColumns = columnOrder.joined(separator: ", ")

    func trainee() throws -> Trainee {
        guard let id = UUID(hyphenated: id) else { throw StorageError.corruptRow(table: "trainee", column: "id") }
        guard let programme = Programme(rawValue: programme) else {
            throw StorageError.corruptRow(table: "trainee", column: "programme")
        }
        guard let key = try? PersonKey(hex: personKey) else {
            throw StorageError.corruptRow(table: "trainee", column: "personKey")
        }
        return Trainee(
            id: id, personKey: key, name: name, hprNumber: hprNumber, programme: programme, email: email,
            registeredAt: registeredAt)
    }
}

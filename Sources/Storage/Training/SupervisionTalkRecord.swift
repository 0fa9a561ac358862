import Domain
import Foundation
import GRDB

/// A row of a tenant database's `supervisionTalk` table.
struct SupervisionTalkRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "supervisionTalk"

    var id: String
    var traineeId: String
    var veileder: String
    var date: String
    var topic: String
    var preparation: String?
    var minutes: String?
    var state: String
    var lastWrittenBy: String?
    var finalisedBy: String?
    var finalisedAt: Date?
    var createdAt: Date
    var updatedAt: Date

    init(_ talk: SupervisionTalk, updatedAt: Date) {
        id = talk.id.lowercasedText
        traineeId = talk.traineeID.lowercasedText
        veileder = talk.createdBy.hex
        date = talk.date.iso
        topic = talk.topic
        preparation = talk.preparation
        minutes = talk.minutes
        state = talk.state.rawValue
        lastWrittenBy = talk.lastWrittenBy?.hex
        finalisedBy = talk.finalisedBy?.hex
        finalisedAt = talk.finalisedAt
        createdAt = talk.createdAt
        self.updatedAt = updatedAt
    }

    func talk() throws -> SupervisionTalk {
        let corrupt = { (column: String) in StorageError.corruptRow(table: Self.databaseTableName, column: column) }
        guard let id = UUID(hyphenated: id), let trainee = UUID(hyphenated: traineeId) else { throw corrupt("id") }
        guard let creator = try? PersonKey(hex: veileder) else { throw corrupt("veileder") }
        guard let day = try? CalendarDate(iso: date) else { throw corrupt("date") }
        guard let state = SupervisionTalk.State(rawValue: state) else { throw corrupt("state") }
        let person = { (hex: String?, column: String) throws -> PersonKey? in
            guard let hex else { return nil }
            guard let key = try? PersonKey(hex: hex) else { throw corrupt(column) }
            return key
        }
        return SupervisionTalk(
            id: id, traineeID: trainee, createdBy: creator, createdAt: createdAt, date: day, topic: topic,
            preparation: preparation, minutes: minutes, state: state,
            lastWrittenBy: try person(lastWrittenBy, "lastWrittenBy"),
            finalisedBy: try person(finalisedBy, "finalisedBy"),
            finalisedAt: finalisedAt)
    }

    static func require(_ db: Database, id: UUID, trainee: UUID) throws -> SupervisionTalk {
        guard let record = try SupervisionTalkRecord.fetchOne(db, key: id.lowercasedText),
            record.traineeId == trainee.lowercasedText
        else { throw TalkError.notFound }
        return try record.talk()
    }
}

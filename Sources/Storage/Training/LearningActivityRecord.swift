import Domain
import Foundation
import GRDB

/// A row of a tenant database's `learningActivity` table: the content and state in columns, so lists and
/// counts read no JSON, and the history as an append-only JSON array.
struct LearningActivityRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "learningActivity"

    var id: String
    var traineeId: String
    var planKey: String
    var planVersion: Int
    var objectiveId: String?
    var kind: String
    var recommendation: Int?
    var documentation: String?
    var type: String
    var signer: String
    var performedOn: String
    var note: String
    var attachment: String?
    var state: String
    var submittedTo: String?
    var submittedRole: String?
    var decidedBy: String?
    var decidedAt: Date?
    var comment: String?
    var history: String
    var createdAt: Date
    var updatedAt: Date

    /// One history step as stored.
    struct Event: Codable {
        var kind: String
        var by: String
        var at: Date
        var to: String?
        var role: String?
        var comment: String?
    }

    struct Attachment: Codable {
        var sha256: String
        var filename: String
        var mediaType: String
        var size: Int
    }

    init(_ activity: LearningActivity, createdAt: Date, updatedAt: Date) throws {
        id = activity.id.lowercasedText
        traineeId = activity.traineeID.lowercasedText
        planKey = activity.plan.key.rawValue
        planVersion = activity.plan.version
        objectiveId = activity.objectiveID?.rawValue
        switch activity.content.kind {
        case .recommended(let index):
            kind = "recommended"
            recommendation = index
        case .alternative(_, _, let text):
            kind = "alternative"
            documentation = text
        }
        type = activity.type.rawValue
        signer = activity.signer.rawValue
        performedOn = activity.content.performedOn.iso
        note = activity.content.note
        attachment = try activity.content.attachment.map { reference in
            try TrainingJSON.encode(
                Attachment(
                    sha256: reference.sha256, filename: reference.filename, mediaType: reference.mediaType,
                    size: reference.size))
        }
        switch activity.state {
        case .draft:
            state = "draft"
        case .submitted(let to, let role):
            state = "submitted"
            submittedTo = to.hex
            submittedRole = role.rawValue
        case .approved(let by, let at):
            state = "approved"
            decidedBy = by.hex
            decidedAt = at
        case .rejected(let by, let text):
            state = "rejected"
            decidedBy = by.hex
            comment = text
            decidedAt = activity.history.last?.at
        }
        history = Self.historyText(activity.history.map(Event.init))
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }

    /// The stored columns, in the order of `values`. The updates of each step (`encode(to:)`) and the insert
    /// of a new activity (`insertNew`) both write from these two lists, by hand: `Encodable`'s container and
    /// GRDB's generic insert (its key paths and the statement text it builds) cost more than SQLite's work.
    static let columns = [
        "id", "traineeId", "planKey", "planVersion", "objectiveId", "kind", "recommendation", "documentation", "type",
        "signer", "performedOn", "note", "attachment", "state", "submittedTo", "submittedRole", "decidedBy",
        "decidedAt", "comment", "history", "createdAt", "updatedAt",
    ]

    private static let insertSQL =
        "INSERT INTO learningActivity (\(columns.joined(separator: ", "))) VALUES "
        + "(\(Array(repeating: "?", count: columns.count).joined(separator: ", ")))"

    private var values: [(any DatabaseValueConvertible)?] {
        [
            id, traineeId, planKey, planVersion, objectiveId, kind, recommendation, documentation, type, signer,
            performedOn, note, attachment, state, submittedTo, submittedRole, decidedBy,
            decidedAt.map(StoredDate.text), comment, history, StoredDate.text(createdAt), StoredDate.text(updatedAt),
        ]
    }

    func encode(to container: inout PersistenceContainer) {
        for (column, value) in zip(Self.columns, values) { container[column] = value }
    }

    /// Inserts the new row through one cached statement: recording an activity is the write a LIS does most.
    func insertNew(_ db: Database) throws {
        let statement = try db.cachedStatement(sql: Self.insertSQL)
        statement.setUncheckedArguments(StatementArguments(values))
        try statement.execute()
    }

    /// The domain value; `withHistory: false` leaves the history empty for reads that only count.
    func activity(withHistory: Bool = true) throws -> LearningActivity {
        let corrupt = { (column: String) in StorageError.corruptRow(table: Self.databaseTableName, column: column) }
        guard let id = UUID(hyphenated: id), let trainee = UUID(hyphenated: traineeId) else { throw corrupt("id") }
        guard let key = try? PlanKey(planKey) else { throw corrupt("planKey") }
        let objective = try objectiveId.map { raw in
            guard let id = try? ObjectiveID(raw) else { throw corrupt("objectiveId") }
            return id
        }
        guard let type = ActivityType(rawValue: type) else { throw corrupt("type") }
        guard let signer = ActivitySigner(rawValue: signer) else { throw corrupt("signer") }
        guard let performedOn = try? CalendarDate(iso: performedOn) else { throw corrupt("performedOn") }
        let kind: LearningActivity.Kind
        switch (self.kind, recommendation, documentation) {
        case ("recommended", let index?, _): kind = .recommended(index: index)
        case ("alternative", _, let text?): kind = .alternative(type: type, signer: signer, documentation: text)
        default: throw corrupt("kind")
        }
        let attachment = try self.attachment.map { text in
            let stored = try TrainingJSON.decode(
                Attachment.self, from: text, table: Self.databaseTableName, column: "attachment")
            guard
                let reference = try? AttachmentReference(
                    sha256: stored.sha256, filename: stored.filename, mediaType: stored.mediaType, size: stored.size)
            else { throw corrupt("attachment") }
            return reference
        }
        let person = { (hex: String?, column: String) throws -> PersonKey in
            guard let hex, let key = try? PersonKey(hex: hex) else { throw corrupt(column) }
            return key
        }
        let state: LearningActivity.State
        switch self.state {
        case "draft": state = .draft
        case "submitted":
            guard let role = submittedRole.flatMap(ActivitySigner.init(rawValue:)) else {
                throw corrupt("submittedRole")
            }
            state = .submitted(to: try person(submittedTo, "submittedTo"), role: role)
        case "approved":
            guard let decidedAt else { throw corrupt("decidedAt") }
            state = .approved(by: try person(decidedBy, "decidedBy"), at: decidedAt)
        case "rejected":
            guard let comment else { throw corrupt("comment") }
            state = .rejected(by: try person(decidedBy, "decidedBy"), comment: comment)
        default: throw corrupt("state")
        }
        let events =
            withHistory
            ? try TrainingJSON.decode([Event].self, from: history, table: Self.databaseTableName, column: "history")
                .map { try $0.event() } : []
        return LearningActivity(
            id: id, traineeID: trainee, plan: PlanReference(key: key, version: planVersion),
            content: LearningActivity.Content(
                objectiveID: objective, kind: kind, performedOn: performedOn, note: note, attachment: attachment),
            type: type, signer: signer, state: state, history: events)
    }

    /// Every column but the history, for reads that count.
    static let summaryColumns = """
        id, traineeId, planKey, planVersion, objectiveId, kind, recommendation, documentation, type, signer,
        performedOn, note, attachment, state, submittedTo, submittedRole, decidedBy, decidedAt, comment,
        '[]' AS history, createdAt, updatedAt
        """

    /// The activity with this id, which must belong to the LIS.
    static func require(_ db: Database, id: UUID, trainee: UUID) throws -> (LearningActivity, createdAt: Date) {
        guard let record = try LearningActivityRecord.fetchOne(db, key: id.lowercasedText),
            record.traineeId == trainee.lowercasedText
        else { throw ActivityError.notFound }
        return (try record.activity(), record.createdAt)
    }
}

extension LearningActivityRecord.Event {
    init(_ event: ActivityEvent) {
        by = event.by.hex
        at = event.at
        switch event.kind {
        case .recorded: kind = "recorded"
        case .edited: kind = "edited"
        case .submitted(let person, let signer):
            kind = "submitted"
            to = person.hex
            role = signer.rawValue
        case .approved: kind = "approved"
        case .rejected(let text):
            kind = "rejected"
            comment = text
        }
    }

    func event() throws -> ActivityEvent {
        let corrupt = StorageError.corruptRow(table: LearningActivityRecord.databaseTableName, column: "history")
        guard let person = try? PersonKey(hex: by) else { throw corrupt }
        let kind: ActivityEvent.Kind
        switch self.kind {
        case "recorded": kind = .recorded
        case "edited": kind = .edited
        case "submitted":
            guard let to, let addressee = try? PersonKey(hex: to),
                let signer = role.flatMap(ActivitySigner.init(rawValue:))
            else { throw corrupt }
            kind = .submitted(to: addressee, role: signer)
        case "approved": kind = .approved
        case "rejected":
            guard let comment else { throw corrupt }
            kind = .rejected(comment: comment)
        default: throw corrupt
        }
        return ActivityEvent(kind: kind, by: person, at: at)
    }
}

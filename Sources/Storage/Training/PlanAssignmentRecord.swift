import Domain
import Foundation
import GRDB

/// A row of a tenant database's `planAssignment` table.
struct PlanAssignmentRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "planAssignment"
    static let automatic = "automatic"

    var id: String
    var traineeId: String
    var planKey: String
    var planVersion: Int
    var state: String
    var assignedBy: String
    var assignedAt: Date
    var startedAt: Date?
    var archivedAt: Date?

    init(_ assignment: PlanAssignment) {
        id = assignment.id.lowercasedText
        traineeId = assignment.traineeID.lowercasedText
        planKey = assignment.plan.key.rawValue
        planVersion = assignment.plan.version
        state = assignment.state.rawValue
        switch assignment.assignedBy {
        case .automatic: assignedBy = Self.automatic
        case .leder(let person): assignedBy = person.hex
        }
        assignedAt = assignment.assignedAt
        startedAt = assignment.startedAt
        archivedAt = assignment.archivedAt
    }

    /// The table's columns in order: `init(row:)` reads `SELECT *` by position, and a test holds this list
    /// to the migrated table.
    static let columnOrder = [
        "id", "traineeId", "planKey", "planVersion", "state", "assignedBy", "assignedAt", "startedAt", "archivedAt",
    ]

    /// By position, in the table's column order (`SELECT *`): every activity reads the LIS's assignments
    /// twice, and `Decodable` cost more than the queries.
    init(row: Row) throws {
        id = row[0]
        traineeId = row[1]
        planKey = row[2]
        planVersion = row[3]
        state = row[4]
        assignedBy = row[5]
        assignedAt = try StoredDate.required(row, 6, "assignedAt", table: Self.databaseTableName)
        startedAt = try StoredDate.column(row, 7, "startedAt", table: Self.databaseTableName)
        archivedAt = try StoredDate.column(row, 8, "archivedAt", table: Self.databaseTableName)
    }

    func assignment() throws -> PlanAssignment {
        let corrupt = { (column: String) in StorageError.corruptRow(table: Self.databaseTableName, column: column) }
        guard let id = UUID(hyphenated: id), let trainee = UUID(hyphenated: traineeId) else { throw corrupt("id") }
        guard let key = try? PlanKey(planKey) else { throw corrupt("planKey") }
        guard let state = PlanAssignment.State(rawValue: state) else { throw corrupt("state") }
        let assigner: PlanAssignment.Assigner
        if assignedBy == Self.automatic {
            assigner = .automatic
        } else {
            guard let person = try? PersonKey(hex: assignedBy) else { throw corrupt("assignedBy") }
            assigner = .leder(person)
        }
        return PlanAssignment(
            id: id, traineeID: trainee, plan: PlanReference(key: key, version: planVersion), assignedBy: assigner,
            assignedAt: assignedAt, state: state, startedAt: startedAt, archivedAt: archivedAt)
    }

    /// Every assignment of the LIS, archived ones included, oldest first.
    static func all(_ db: Database, trainee: UUID) throws -> [PlanAssignment] {
        // A cached statement: every activity a LIS records reads this, and building the query each time was
        // a quarter of that transaction in profiles.
        try PlanAssignmentRecord.fetchAll(
            db.cachedStatement(sql: "SELECT * FROM planAssignment WHERE traineeId = ? ORDER BY assignedAt, id"),
            arguments: [trainee.lowercasedText]
        ).map { try $0.assignment() }
    }

    /// The live (not archived) assignment of exactly this plan version, which work is recorded against.
    static func live(_ db: Database, trainee: UUID, plan: PlanReference) throws -> PlanAssignment? {
        try PlanAssignmentRecord.fetchOne(
            db.cachedStatement(
                sql: """
                    SELECT * FROM planAssignment
                    WHERE traineeId = ? AND planKey = ? AND planVersion = ? AND state <> 'archived'
                    """),
            arguments: [trainee.lowercasedText, plan.key.rawValue, plan.version]
        )?.assignment()
    }

    /// Marks the assignment started if this is the first work on it (an update only when it changes).
    static func start(_ db: Database, _ assignment: PlanAssignment, at now: Date) throws {
        let started = try assignment.start(at: now)
        if started != assignment { try PlanAssignmentRecord(started).update(db) }
    }
}

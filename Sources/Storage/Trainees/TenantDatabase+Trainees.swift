import Domain
import Foundation
import GRDB

/// The LIS slice of the engine.
extension TenantDatabase {
    /// Registers the logged-in person as a LIS of this tenant: read → decide → write in one transaction.
    package func registerTrainee(
        principal: Principal, programme: Programme, email: String?, id: UUID, at now: Date
    ) async throws -> Trainee {
        try await write { db in
            let existing = try Self.trainee(db, personKey: principal.personKey)
            let trainee = try Trainee.register(
                principal: principal, programme: programme, email: email, existing: existing, id: id, at: now)
            try TraineeRecord(trainee).insert(db)
            return trainee
        }
    }

    /// The LIS record of a person in this tenant (a hot point read on the calling thread).
    package func trainee(personKey: PersonKey) throws -> Trainee? {
        try queue.readNow { db in try Self.trainee(db, personKey: personKey) }
    }

    package func trainee(id: UUID) throws -> Trainee? {
        try queue.readNow { db in try Self.trainee(db, id: id) }
    }

    static func trainee(_ db: Database, id: UUID) throws -> Trainee? {
        let statement = try db.cachedStatement(sql: "SELECT \(TraineeRecord.selectColumns) FROM trainee WHERE id = ?")
        return try Row.fetchOne(statement, arguments: [id.lowercasedText]).map { try TraineeRecord(row: $0).trainee() }
    }

    package func traineeCount() throws -> Int {
        try queue.readNow { db in try TraineeRecord.fetchCount(db) }
    }

    private static func trainee(_ db: Database, personKey: PersonKey) throws -> Trainee? {
        let statement = try db.cachedStatement(
            sql: "SELECT \(TraineeRecord.selectColumns) FROM trainee WHERE personKey = ?")
        return try Row.fetchOne(statement, arguments: [personKey.hex]).map { try TraineeRecord(row: $0).trainee() }
    }
}

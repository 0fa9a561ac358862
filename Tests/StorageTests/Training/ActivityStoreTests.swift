import Domain
import Foundation
import TestSupport
import Testing

@testable import Storage

@Suite struct ActivityStoreTests {
    typealias S = TrainingStore

    /// A store whose LIS has the small plan and one draft activity for DEL1-001 (signed by a supervisor).
    static func withDraft() async throws -> (TrainingStore, Plan, LearningActivity) {
        let store = try await TrainingStore()
        let plan = try S.plan()
        try await store.assign(plan)
        let activity = try await store.database.recordActivity(
            try S.recommended("DEL1-001", note: " Felles konsultasjon om diabetes "), plan: plan.reference,
            traineeID: store.trainee.id, by: Person.lis, id: UUID(), at: S.now)
        return (store, plan, activity)
    }

    static func submitted() async throws -> (TrainingStore, LearningActivity) {
        let (store, _, draft) = try await withDraft()
        let activity = try await store.database.submitActivity(
            id: draft.id, to: Person.supervisor.personKey, role: .supervisor, traineeID: store.trainee.id,
            by: Person.lis,
            at: S.now)
        return (store, activity)
    }

    /// The record's columns are written by hand (`LearningActivityRecord.encode(to:)`), so a property added to
    /// the record but not to that list would silently never be stored.
    @Test func theActivityRecordWritesEveryOneOfItsProperties() async throws {
        let (store, _) = try await Self.submitted()
        let record = try #require(try await store.database.queue.read { db in try LearningActivityRecord.fetchOne(db) })
        let written = Set(try record.databaseDictionary.keys)
        let properties = Set(Mirror(reflecting: record).children.compactMap(\.label))
        #expect(written == properties)
        #expect(try record.databaseDictionary["submittedTo"] == Person.supervisor.personKey.hex.databaseValue)
        // `insertNew` writes the same columns as `encode(to:)`: a copy inserted with it reads back the same.
        var copy = record
        copy.id = UUID().uuidString.lowercased()
        let inserted = copy
        let readBack = try #require(
            try await store.database.queue.write { db in
                try inserted.insertNew(db)
                return try LearningActivityRecord.fetchOne(db, key: inserted.id)
            })
        #expect(try readBack.databaseDictionary == inserted.databaseDictionary)
    }

    @Test func theLISRecordsSendsAndTheSupervisorSigns() async throws {
        let (store, draft) = try await Self.submitted()
        let approved = try await store.database.approveActivity(
            id: draft.id, traineeID: store.trainee.id, by: Person.supervisor, at: S.now)
        #expect(approved.state == .approved(by: Person.supervisor.personKey, at: S.now))
        #expect(
            approved.history.map(\.kind) == [
                .recorded, .submitted(to: Person.supervisor.personKey, role: .supervisor), .approved,
            ])
        let stored = try #require(try store.database.activities(traineeID: store.trainee.id).first)
        #expect(stored == approved)
        #expect(stored.content.note == "Felles konsultasjon om diabetes")
        #expect(
            try store.log().map(\.object).reversed() == [
                "plan:lis1-kommune@1",
                "activity:\(draft.id.uuidString.lowercased()) recorded",
                "activity:\(draft.id.uuidString.lowercased()) submitted to:supervisor",
                "activity:\(draft.id.uuidString.lowercased()) approved",
            ])
        #expect(try store.log().first?.role == .supervisor)
    }

    @Test func anActivityForAnObjectivePutsTheObjectiveInProgress() async throws {
        let (store, plan, _) = try await Self.withDraft()
        let progress = try store.database.objectiveProgress(traineeID: store.trainee.id)
        #expect(progress.map(\.objectiveID.rawValue) == ["DEL1-001"])
        #expect(progress.first?.state == .inProgress)
        #expect(progress.first?.plan == plan.reference)
        #expect(progress.first?.history.map(\.kind) == [.started])
    }

    @Test func theLISCannotSignTheirOwnActivity() async throws {
        let (store, activity) = try await Self.submitted()
        await #expect(throws: AccessDenied.self) {
            try await store.database.approveActivity(
                id: activity.id, traineeID: store.trainee.id, by: Person.lis, at: S.now)
        }
    }

    @Test func aSupervisorCannotSignAnActivitySentToSomeoneElse() async throws {
        let (store, activity) = try await Self.submitted()
        await #expect(throws: ActivityError.notAddressedToYou) {
            try await store.database.approveActivity(
                id: activity.id, traineeID: store.trainee.id, by: Person.secondSupervisor, at: S.now)
        }
        await #expect(throws: ActivityError.notAddressedToYou) {
            try await store.database.rejectActivity(
                id: activity.id, comment: "Nei", traineeID: store.trainee.id, by: Person.veileder, at: S.now)
        }
    }

    @Test func anActivityIsNotApprovedTwice() async throws {
        let (store, activity) = try await Self.submitted()
        _ = try await store.database.approveActivity(
            id: activity.id, traineeID: store.trainee.id, by: Person.supervisor, at: S.now)
        await #expect(throws: ActivityError.approved) {
            try await store.database.approveActivity(
                id: activity.id, traineeID: store.trainee.id, by: Person.supervisor, at: S.now)
        }
        await #expect(throws: ActivityError.approved) {
            try await store.database.editActivity(
                id: activity.id, content: try S.recommended("DEL1-001"), traineeID: store.trainee.id, by: Person.lis,
                at: S.now)
        }
    }

    @Test func aRejectedActivityIsCorrectedAndSentAgain() async throws {
        let (store, activity) = try await Self.submitted()
        let rejected = try await store.database.rejectActivity(
            id: activity.id, comment: "Beskriv hva du gjorde", traineeID: store.trainee.id, by: Person.supervisor,
            at: S.now)
        #expect(rejected.state == .rejected(by: Person.supervisor.personKey, comment: "Beskriv hva du gjorde"))
        #expect(try store.database.activities(traineeID: store.trainee.id) == [rejected])
        let edited = try await store.database.editActivity(
            id: activity.id, content: try S.recommended("DEL1-001", index: 0, note: "Nå med beskrivelse"),
            traineeID: store.trainee.id, by: Person.lis, at: S.now)
        #expect(edited.state == .draft)
        let again = try await store.database.submitActivity(
            id: activity.id, to: Person.supervisor.personKey, role: .supervisor, traineeID: store.trainee.id,
            by: Person.lis, at: S.now)
        #expect(try store.database.activitiesAwaitingSignature(by: Person.supervisor.personKey) == [again])
    }

    @Test func anActivityGoesOnlyToSomeoneInTheRoleThePlanNames() async throws {
        let (store, _, draft) = try await Self.withDraft()
        await #expect(throws: ActivityError.wrongSignerRole(required: .supervisor)) {
            try await store.database.submitActivity(
                id: draft.id, to: Person.veileder.personKey, role: .veileder, traineeID: store.trainee.id,
                by: Person.lis,
                at: S.now)
        }
        await #expect(throws: ActivityError.signerNotInRole(.supervisor)) {
            try await store.database.submitActivity(
                id: draft.id, to: Person.outsider.personKey, role: .supervisor, traineeID: store.trainee.id,
                by: Person.lis, at: S.now)
        }
    }

    @Test func workIsRecordedOnlyAgainstAnAssignedPlan() async throws {
        let store = try await TrainingStore()
        let plan = try S.plan()
        await #expect(throws: PlanAssignmentError.notAssigned(plan.reference)) {
            try await store.database.recordActivity(
                try S.recommended("DEL1-001"), plan: plan.reference, traineeID: store.trainee.id, by: Person.lis,
                id: UUID(), at: S.now)
        }
        await #expect(throws: AccessDenied.self) {
            try await store.database.recordActivity(
                try S.recommended("DEL1-001"), plan: plan.reference, traineeID: store.trainee.id, by: Person.leder,
                id: UUID(), at: S.now)
        }
    }

    @Test func anUnknownActivityIsNotFound() async throws {
        let (store, _, draft) = try await Self.withDraft()
        let other = try await store.addTrainee(2)
        // The id of Lise's activity does not open it under another LIS.
        await #expect(throws: ActivityError.notFound) {
            try await store.database.approveActivity(
                id: draft.id, traineeID: other.id, by: Person.supervisor, at: S.now)
        }
    }
}

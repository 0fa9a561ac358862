import Domain
import Foundation
import TestSupport
import Testing

@testable import Storage

@Suite struct TalkStoreTests {
    typealias S = TrainingStore

    /// A talk held the day before `S.now` that the veileder created, the LIS prepared and the veileder wrote
    /// minutes for.
    static func withMinutes() async throws -> (TrainingStore, SupervisionTalk) {
        let store = try await TrainingStore()
        let talk = try await store.database.createTalk(
            traineeID: store.trainee.id, date: try S.day("2026-11-17"), topic: "Kommunikasjon", by: Person.veileder,
            id: UUID(), at: S.now)
        #expect(talk.state == .planned)
        let prepared = try await store.database.writeTalkPreparation(
            id: talk.id, traineeID: store.trainee.id, text: "Vanskelige samtaler", by: Person.lis, at: S.now)
        #expect(prepared.state == .prepared)
        let written = try await store.database.writeTalkMinutes(
            id: talk.id, traineeID: store.trainee.id, text: "Vi snakket om å gi dårlige nyheter", by: Person.veileder,
            at: S.now)
        #expect(written.state == .minutesWritten)
        return (store, written)
    }

    @Test func theVeilederCreatesAndFinalisesATalkTheLISPrepared() async throws {
        let (store, talk) = try await Self.withMinutes()
        let finalised = try await store.database.finaliseTalk(
            id: talk.id, traineeID: store.trainee.id, by: Person.veileder, at: S.now)
        #expect(finalised.state == .finalised)
        #expect(finalised.finalisedBy == Person.veileder.personKey)
        let object = "talk:\(talk.id.uuidString.lowercased())"
        #expect(
            try store.log().map(\.object).reversed() == [
                "\(object) created", "\(object) preparation written", "\(object) minutes written",
                "\(object) finalised",
            ])
    }

    @Test func onlyTheVeilederCreatesAndFinalisesTalks() async throws {
        let (store, talk) = try await Self.withMinutes()
        for person in [Person.lis, Person.leder, Person.supervisor] {
            await #expect(throws: AccessDenied.self) {
                try await store.database.finaliseTalk(id: talk.id, traineeID: store.trainee.id, by: person, at: S.now)
            }
            await #expect(throws: AccessDenied.self) {
                try await store.database.createTalk(
                    traineeID: store.trainee.id, date: try S.day("2026-12-01"), topic: "x", by: person, id: UUID(),
                    at: S.now)
            }
        }
    }

    @Test func aFinalisedTalkIsNeverEditedAgain() async throws {
        let (store, talk) = try await Self.withMinutes()
        _ = try await store.database.finaliseTalk(
            id: talk.id, traineeID: store.trainee.id, by: Person.veileder, at: S.now)
        await #expect(throws: TalkError.finalised) {
            try await store.database.writeTalkMinutes(
                id: talk.id, traineeID: store.trainee.id, text: "Endret", by: Person.lis, at: S.now)
        }
        await #expect(throws: TalkError.finalised) {
            try await store.database.writeTalkPreparation(
                id: talk.id, traineeID: store.trainee.id, text: "Endret", by: Person.veileder, at: S.now)
        }
        await #expect(throws: TalkError.finalised) {
            try await store.database.finaliseTalk(
                id: talk.id, traineeID: store.trainee.id, by: Person.veileder, at: S.now)
        }
        // Behind the engine's back, too.
        #expect(throws: (any Error).self) {
            try store.database.queue.write { try $0.execute(sql: "UPDATE supervisionTalk SET minutes = 'x'") }
        }
    }

    @Test func theLISAndTheVeilederReadTheMinutesAndTheLederSeesOnlyDatesAndTopics() async throws {
        let (store, talk) = try await Self.withMinutes()
        for person in [Person.lis, Person.veileder] {
            let seen = try await store.database.talks(traineeID: store.trainee.id, for: person, at: S.now)
            #expect(seen.first?.text == VisibleTalk.Text(preparation: "Vanskelige samtaler", minutes: talk.minutes))
        }
        let lederView = try await store.database.talks(traineeID: store.trainee.id, for: Person.leder, at: S.now)
        #expect(lederView.count == 1)
        #expect(lederView.first?.text == nil)
        #expect(lederView.first?.topic == "Kommunikasjon")
        #expect(lederView.first?.state == .minutesWritten)
        await #expect(throws: AccessDenied.self) {
            try await store.database.talks(traineeID: store.trainee.id, for: Person.supervisor, at: S.now)
        }
        // The veileder's and the leder's reads are logged; the LIS's own is not.
        let reads = try store.log().filter { $0.operation.isRead }
        #expect(reads.map(\.role) == [.leder, .veileder])
        #expect(reads.map(\.object) == ["talks without minutes", "talks with minutes"])
    }
}

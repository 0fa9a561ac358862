import Domain
import Foundation
import TestSupport
import Testing

@testable import Storage

/// The leder's «Til godkjenning» list as storage reads it: one statement, the time each objective was last sent
/// taken from its history.
@Suite struct ApprovalListStoreTests {
    typealias S = TrainingStore

    @Test func theListIsOldestFirstWithTheTimeEachObjectiveWasLastSentAndTheReadIsLogged() async throws {
        let store = try await TrainingStore()
        let plan = try #require(try S.sampleCatalog().first { $0.key == .lis1Kommune })
        try await store.assign(plan)
        let database = store.database
        let lis = store.trainee.id
        let at = { (minutes: Double) in S.now.addingTimeInterval(minutes * 60) }
        // DEL1-003: sent, rejected, sent again later; DEL1-005 sent in between, and so older on the list.
        _ = try await database.submitObjective(
            try S.objective("DEL1-003"), plan: plan.reference, traineeID: lis, by: Person.lis, at: at(0))
        _ = try await database.rejectObjective(
            try S.objective("DEL1-003"), plan: plan.reference, traineeID: lis, comment: "Mer erfaring",
            by: Person.leder, at: at(10))
        _ = try await database.submitObjective(
            try S.objective("DEL1-005"), plan: plan.reference, traineeID: lis, by: Person.lis, at: at(20))
        _ = try await database.submitObjective(
            try S.objective("DEL1-003"), plan: plan.reference, traineeID: lis, by: Person.lis, at: at(30))

        let waiting = try await database.objectivesAwaitingApproval(by: Person.leder, at: at(40))
        #expect(waiting.map(\.progress.objectiveID.rawValue) == ["DEL1-005", "DEL1-003"])
        #expect(waiting.map(\.submittedAt) == [at(20), at(30)])
        #expect(waiting.allSatisfy { $0.trainee.id == lis && $0.progress.state == .submitted })
        #expect(waiting.allSatisfy { $0.progress.plan == plan.reference })
        let reads = try store.log().filter { $0.object == "objectives awaiting approval" }
        #expect(reads.map(\.role) == [.leder])
        #expect(reads.map(\.at) == [at(40)])

        // The veileder is not the leder: nothing, and nothing logged for them.
        #expect(try await database.objectivesAwaitingApproval(by: Person.veileder, at: at(50)).isEmpty)
        #expect(try store.log().filter { $0.object == "objectives awaiting approval" }.count == 1)
    }
}

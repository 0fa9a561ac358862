import Domain
import Foundation
import TestSupport
import Testing

@testable import Storage

@Suite struct TrainingSeederTests {
    typealias S = TrainingStore

    /// Synthetic keys from the label's bytes: distinct labels give distinct keys, as the keyed hash would.
    static let people = TrainingSeeder.People(
        lis: Person.lis, leder: Person.leder, issuer: "https://issuer.test",
        personKey: { label in
            let bytes = Array(label.utf8.prefix(31))
            return PersonKey(digest: [0xEE] + Array(repeating: 0, count: 31 - bytes.count) + bytes)
        })

    /// Three LIS, two per leder, on the sample plan: the first is Lise (registered before, as a login would),
    /// Lena leads the first two, and what the seeder counts is what the tenant file holds.
    @Test func seedsThreeTraineesWithTheCountsItReports() async throws {
        let store = try await TrainingStore(roles: false)
        let plan = try #require(try S.sampleCatalog().first { $0.key == .lis1Kommune })
        let seeder = try TrainingSeeder(trainees: 3, perLeder: 2, seed: 7)
        let counts = try await seeder.run(
            into: store.database, plan: plan, tenantKind: .kommune, people: Self.people, at: S.now)

        #expect(counts.trainees == 3)
        #expect(counts.traineesReused == 1)
        #expect(try store.database.traineeCount() == 3)
        #expect(counts.roles == 9)
        #expect(counts.talksFinalised >= 3)

        let overview = try await store.database.lederOverview(leder: Person.leder, at: S.now)
        #expect(overview.rows.count == 2)
        #expect(overview.rows.contains { $0.traineeID == store.trainee.id })

        var approved = 0
        var submitted = 0
        var inProgress = 0
        var activities = 0
        var signed = 0
        for row in try await store.database.tenantOverview(administrator: Person.administrator, at: S.now).rows {
            let summary = try #require(row.plans.first { $0.plan == plan.reference })
            #expect(summary.objectives == 101)
            approved += summary.approved
            submitted += summary.submitted
            inProgress += summary.inProgress
            let all = try store.database.activities(traineeID: row.traineeID)
            activities += all.count
            signed += all.filter(\.isApproved).count
            #expect(row.activitiesSigned == all.filter(\.isApproved).count)
        }
        #expect(approved == counts.objectivesApproved)
        #expect(submitted == counts.objectivesSubmitted)
        #expect(inProgress == counts.objectivesInProgress)
        #expect(activities == counts.activities)
        #expect(signed == counts.activitiesSigned)
        #expect(counts.objectivesInProgress >= 3)

        // Every change went through a verb, so the LIS's log names the leder's approvals and the signatures.
        let log = try store.database.accessLog(traineeID: store.trainee.id, limit: 100_000)
        #expect(log.filter { $0.operation == .approveObjective }.count
            == (try store.database.objectiveProgress(traineeID: store.trainee.id).filter(\.isApproved).count))
    }

    @Test func theSameSeedGivesTheSameShapeAndASecondRunIsRefused() async throws {
        let plan = try #require(try S.sampleCatalog().first { $0.key == .lis1Kommune })
        let seeder = try TrainingSeeder(trainees: 2, perLeder: 50, seed: 42)
        var results: [TrainingSeeder.Counts] = []
        var last: TrainingStore?
        for _ in 0..<2 {
            let store = try await TrainingStore(roles: false)
            results.append(
                try await seeder.run(
                    into: store.database, plan: plan, tenantKind: .kommune, people: Self.people, at: S.now))
            last = store
        }
        #expect(results[0] == results[1])
        let store = try #require(last)
        await #expect(throws: TrainingSeeder.Failure.alreadySeeded) {
            try await seeder.run(into: store.database, plan: plan, tenantKind: .kommune, people: Self.people, at: S.now)
        }
    }
}

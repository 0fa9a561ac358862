import Domain
import Foundation
import GRDB
import TestSupport
import Testing

@testable import Storage

/// The overviews count progress in SQL (`ProgressTally`); the progress report decodes every record and
/// computes each LIS's report. Both must tell a leder the same thing.
@Suite struct CountedOverviewTests {
    typealias S = TrainingStore

    @Test func theCountedOverviewEqualsTheOverviewComputedFromEveryRecordOnSeededData() async throws {
        let store = try await TrainingStore(roles: false)
        let plan = try #require(try S.sampleCatalog().first { $0.key == .lis1Kommune })
        let seeder = try TrainingSeeder(trainees: 12, perLeder: 5, seed: 11)
        let counts = try await seeder.run(
            into: store.database, plan: plan, tenantKind: .kommune, people: TrainingSeederTests.people, at: S.now)
        #expect(counts.activities > 0)

        for scope in [ProgressInputs.Scope.tenant, .leder(Person.leder.personKey)] {
            let (counted, computed) = try await store.database.queue.read { db in
                (try TenantDatabase.countedOverview(db, scope).0, try ProgressInputs.load(db, scope).overview)
            }
            #expect(!counted.rows.isEmpty)
            #expect(counted == computed)
        }
        // The seeded data has every kind of state the counts distinguish, so the equality above means something.
        let rows = try await store.database.queue.read { db in try TenantDatabase.countedOverview(db, .tenant).0.rows }
        let plans = rows.flatMap(\.plans)
        #expect(plans.contains { $0.approved > 0 })
        #expect(plans.contains { $0.submitted > 0 })
        #expect(plans.contains { $0.inProgress > 0 })
        #expect(plans.contains { $0.notStarted > 0 })
        #expect(rows.contains { $0.activitiesSigned > 0 })
        #expect(rows.contains { $0.talksHeld > 0 })
    }

    @Test func eachProgressReportFromCountedActivitiesEqualsTheOneFromEveryActivity() async throws {
        let store = try await TrainingStore(roles: false)
        let plan = try #require(try S.sampleCatalog().first { $0.key == .lis1Kommune })
        let seeder = try TrainingSeeder(trainees: 8, perLeder: 5, seed: 5)
        _ = try await seeder.run(
            into: store.database, plan: plan, tenantKind: .kommune, people: TrainingSeederTests.people, at: S.now)
        let trainees = try await store.database.queue.read { db in try String.fetchAll(db, sql: "SELECT id FROM trainee") }
        #expect(trainees.count == 8)
        for raw in trainees {
            let id = try #require(UUID(uuidString: raw))
            let (counted, computed) = try await store.database.queue.read { db in
                (try ProgressInputs.report(db, traineeID: id), try ProgressInputs.load(db, .trainee(id)).report(for: id))
            }
            #expect(counted == computed)
            #expect(counted.plans.first?.lines.count == 101)
        }
    }

    @Test func objectivesWorkedOnWithoutAProgressStateAreCountedInProgressOnceEach() async throws {
        let store = try await TrainingStore(roles: false)
        let plan = try #require(try S.sampleCatalog().first { $0.key == .lis1Kommune })
        let seeder = try TrainingSeeder(trainees: 12, perLeder: 5, seed: 11)
        _ = try await seeder.run(
            into: store.database, plan: plan, tenantKind: .kommune, people: TrainingSeederTests.people, at: S.now)
        // Objectives in progress with two or more activities: one loses its progress row, one goes back to
        // «not started». Both are in progress by their activities, and count once however many there are.
        let changed = try await store.database.queue.write { db in
            let ids = try String.fetchAll(
                db,
                sql: """
                    SELECT p.id FROM objectiveProgress p WHERE p.state = 'inProgress' AND (
                        SELECT count(*) FROM learningActivity a WHERE a.traineeId = p.traineeId
                            AND a.planKey = p.planKey AND a.planVersion = p.planVersion AND a.objectiveId = p.objectiveId
                    ) >= 2 LIMIT 2
                    """)
            guard ids.count == 2 else { return 0 }
            try db.execute(sql: "DELETE FROM objectiveProgress WHERE id = ?", arguments: [ids[0]])
            try db.execute(sql: "UPDATE objectiveProgress SET state = 'notStarted' WHERE id = ?", arguments: [ids[1]])
            return db.changesCount + 1
        }
        #expect(changed == 2)
        let (counted, computed) = try await store.database.queue.read { db in
            (try TenantDatabase.countedOverview(db, .tenant).0, try ProgressInputs.load(db, .tenant).overview)
        }
        #expect(counted == computed)
        for row in counted.rows {
            for summary in row.plans {
                #expect(summary.approved + summary.submitted + summary.inProgress + summary.notStarted == summary.objectives)
            }
        }
    }
}

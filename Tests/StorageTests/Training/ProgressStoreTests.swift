import Domain
import Foundation
import TestSupport
import Testing

@testable import Storage

@Suite struct ProgressStoreTests {
    typealias S = TrainingStore

    /// A realistic month on the sample plan (101 objectives): DEL1-001 approved after a signed activity,
    /// DEL1-002 submitted, DEL1-003 rejected, DEL1-004 with a draft activity; one talk held, one planned.
    static func aMonthOfWork() async throws -> (TrainingStore, Plan) {
        let store = try await TrainingStore()
        let plan = try #require(try S.sampleCatalog().first { $0.key == .lis1Kommune })
        try await store.assign(plan)
        let database = store.database
        let lis = store.trainee.id
        let signed = try await database.recordActivity(
            try S.recommended("DEL1-001"), plan: plan.reference, traineeID: lis, by: Person.lis, id: UUID(), at: S.now)
        _ = try await database.submitActivity(
            id: signed.id, to: Person.supervisor.personKey, role: .supervisor, traineeID: lis, by: Person.lis, at: S.now
        )
        _ = try await database.approveActivity(id: signed.id, traineeID: lis, by: Person.supervisor, at: S.now)
        let waiting = try await database.recordActivity(
            try S.recommended("DEL1-002"), plan: plan.reference, traineeID: lis, by: Person.lis, id: UUID(), at: S.now)
        _ = try await database.submitActivity(
            id: waiting.id, to: Person.secondSupervisor.personKey, role: .supervisor, traineeID: lis, by: Person.lis,
            at: S.now)
        _ = try await database.recordActivity(
            try S.recommended("DEL1-004"), plan: plan.reference, traineeID: lis, by: Person.lis, id: UUID(), at: S.now)
        for raw in ["DEL1-001", "DEL1-002", "DEL1-003"] {
            _ = try await database.submitObjective(
                try S.objective(raw), plan: plan.reference, traineeID: lis, by: Person.lis, at: S.now)
        }
        _ = try await database.approveObjective(
            try S.objective("DEL1-001"), plan: plan.reference, traineeID: lis,
            consultedVeileder: Person.veileder.personKey,
            consultedSupervisors: [Person.supervisor.personKey, Person.secondSupervisor.personKey], by: Person.leder,
            at: S.now)
        _ = try await database.rejectObjective(
            try S.objective("DEL1-003"), plan: plan.reference, traineeID: lis, comment: "Mer erfaring",
            by: Person.leder,
            at: S.now)
        let held = try await database.createTalk(
            traineeID: lis, date: try S.day("2026-11-02"), topic: "Oppstart", by: Person.veileder, id: UUID(), at: S.now
        )
        _ = try await database.writeTalkMinutes(
            id: held.id, traineeID: lis, text: "Referat", by: Person.veileder, at: S.now)
        _ = try await database.finaliseTalk(id: held.id, traineeID: lis, by: Person.veileder, at: S.now)
        _ = try await database.createTalk(
            traineeID: lis, date: try S.day("2026-12-02"), topic: "Neste", by: Person.veileder, id: UUID(), at: S.now)
        return (store, plan)
    }

    @Test func theProgressReportCountsARealisticMonth() async throws {
        let (store, plan) = try await Self.aMonthOfWork()
        let report = try await store.database.progressReport(
            traineeID: store.trainee.id, caller: Person.leder, at: S.now)
        let progress = try #require(report.plans.first)
        #expect(report.plans.count == 1)
        #expect(progress.plan == plan.reference)
        #expect(progress.objectiveCount == 101)
        #expect(progress.approved.map(\.rawValue) == ["DEL1-001"])
        #expect(progress.submitted.map(\.rawValue) == ["DEL1-002"])
        #expect(progress.inProgress.map(\.rawValue) == ["DEL1-003", "DEL1-004"])
        #expect(progress.notStarted.count == 97)
        #expect(progress.activitiesSigned == 1)
        #expect(progress.activitiesAwaitingSignature == 1)
        #expect(report.talksHeld == 1)
        #expect(report.talksOpen == 1)
        #expect(!report.isComplete)
        #expect(progress.lines[2].status == .rejected)
        // The leder's read is in Lise's log; her own is not. Both read the same report.
        let own = try await store.database.progressReport(traineeID: store.trainee.id, caller: Person.lis, at: S.now)
        #expect(own == report)
        let reads = try store.log().filter { $0.operation == .readProgressReport }
        #expect(reads.map(\.role) == [.leder])
        await #expect(throws: AccessDenied.self) {
            try await store.database.progressReport(traineeID: store.trainee.id, caller: Person.supervisor, at: S.now)
        }
    }

    @Test func theOverviewsAgreeWithTheReport() async throws {
        let (store, _) = try await Self.aMonthOfWork()
        let other = try await store.addTrainee(2)
        let overview = try await store.database.lederOverview(leder: Person.leder, at: S.now)
        #expect(overview.rows.map(\.name) == ["LIS 2", "Lise Lege"])
        let row = try #require(overview.rows.last)
        #expect(row.plans.first?.approved == 1)
        #expect(row.plans.first?.submitted == 1)
        #expect(row.plans.first?.inProgress == 2)
        #expect(row.plans.first?.notStarted == 97)
        #expect(row.activitiesSigned == 1)
        #expect(row.talksHeld == 1)
        #expect(row.awaitingDecision == 1)
        #expect(overview.rows.first?.plans.isEmpty == true)
        #expect(try store.database.accessLog(traineeID: other.id).first?.object == "leder-overview")
        // Someone who leads nobody sees nobody.
        #expect(try await store.database.lederOverview(leder: Person.supervisor, at: S.now).rows.isEmpty)
        let tenant = try await store.database.tenantOverview(administrator: Person.administrator, at: S.now)
        #expect(tenant == overview)
        #expect(try store.log().first?.role == .tenantAdministrator)
    }

    @Test func theApprovedObjectivesRecordNamesTheApprovers() async throws {
        let (store, plan) = try await Self.aMonthOfWork()
        let record = try await store.database.approvedObjectivesRecord(
            traineeID: store.trainee.id, caller: Person.lis, tenant: Fixtures.tenantID("kommune-0301"),
            organisationNumber: Fixtures.organisationNumber("988077917"), at: S.now)
        #expect(record.entries.count == 1)
        #expect(record.entries.first?.plan == plan.reference)
        #expect(
            record.entries.first?.approverNames == [
                "Lena Leder", "Vera Veileder", "Sara Supervisør", "Sigurd Supervisør",
            ])
        #expect(record.traineeKey == Person.lis.personKey)
    }

    /// 50 LIS × 101 objectives, every one approved: the overview is a handful of queries, not one per LIS.
    @Test func theLederOverviewOfFiftyLISWithEveryObjectiveApprovedShowsEachOneComplete() async throws {
        let store = try await TrainingStore()
        let plan = try #require(try S.sampleCatalog().first { $0.key == .lis1Kommune })
        var trainees = [store.trainee]
        for number in 2...50 { trainees.append(try await store.addTrainee(number)) }
        for trainee in trainees { try await store.assign(plan, to: trainee) }
        let roles = try trainees.flatMap { try store.database.roleAssignments(traineeID: $0.id) }
        let everyone = trainees
        try await store.database.queue.write { db in
            for trainee in everyone {
                for objective in plan.objectives {
                    let progress = try ObjectiveProgress.open(
                        objective.id, in: plan, for: trainee,
                        id: ObjectiveProgressRecord.id(
                            trainee: trainee.id, plan: plan.reference, objective: objective.id)
                    )
                    .submit(by: trainee, at: S.now)
                    .approve(
                        by: Person.leder.personKey, consultedVeileder: Person.veileder.personKey,
                        consultedSupervisors: [Person.supervisor.personKey], trainee: trainee, roles: roles, at: S.now)
                    try ObjectiveProgressRecord(progress, at: S.now).insert(db)
                }
            }
        }
        // Speed is measured by Benchmarks/run, not here: this checks the result of the same workload.
        let overview = try await store.database.lederOverview(leder: Person.leder, at: S.now)
        #expect(overview.rows.count == 50)
        #expect(overview.rows.allSatisfy { $0.isComplete })
    }
}

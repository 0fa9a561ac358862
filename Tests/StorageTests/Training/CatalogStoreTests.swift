import Domain
import Foundation
import TestSupport
import Testing

@testable import Storage

@Suite struct CatalogStoreTests {
    typealias S = TrainingStore

    @Test func importingTheSampleCatalogAddsEveryPlanAndAuditsEachOne() async throws {
        let fixture = try RegistryFixture()
        let plans = try S.sampleCatalog()
        let decisions = try await fixture.registry.importCatalog(plans, actor: "cli:test", at: S.now)
        #expect(decisions == plans.map(PlanImportDecision.added))
        let stored = try fixture.registry.catalogPlans()
        #expect(stored.map(\.plan) == plans.map(\.reference).sorted())
        #expect(stored.allSatisfy { $0.isSample && $0.importedBy == "cli:test" })
        let audited = try fixture.registry.auditEntries().filter { $0.action == "catalog.imported" }
        #expect(audited.count == plans.count)
        #expect(audited.first?.detail.hasPrefix("\(plans[0].reference) sha256:") == true)
        #expect(try fixture.registry.verifyAudit() == .intact(entries: plans.count))
        for plan in plans { #expect(try fixture.registry.plan(key: plan.key, version: plan.version) == plan) }
    }

    @Test func importingTheSameFileAgainChangesNothing() async throws {
        let fixture = try RegistryFixture()
        let plans = try S.sampleCatalog()
        _ = try await fixture.registry.importCatalog(plans, actor: "cli:test", at: S.now)
        let again = try await fixture.registry.importCatalog(plans, actor: "cli:test", at: S.now)
        #expect(again == plans.map { .unchanged($0.reference) })
        #expect(try fixture.registry.auditEntries().count == plans.count)
    }

    @Test func aConflictingImportWritesNothingAtAll() async throws {
        let fixture = try RegistryFixture()
        let original = try S.plan()
        _ = try await fixture.registry.importCatalog([original], actor: "cli:test", at: S.now)
        // A new version together with an edit of the published one: the whole file is refused.
        let edited = try S.plan(objectives: 4)
        let newer = try S.plan(version: 2, objectives: 2, effectiveFrom: "2026-01-01")
        await #expect(throws: CatalogImportFailure.self) {
            try await fixture.registry.importCatalog([newer, edited], actor: "cli:test", at: S.now)
        }
        do {
            _ = try await fixture.registry.importCatalog([newer, edited], actor: "cli:test", at: S.now)
        } catch let failure as CatalogImportFailure {
            #expect(failure.codes == ["catalog.version-conflict"])
            #expect(failure.category == .conflict)
        }
        #expect(try fixture.registry.catalogPlans().map(\.plan) == [original.reference])
        #expect(try fixture.registry.plan(key: .lis1Kommune, version: 2) == nil)
        #expect(try fixture.registry.auditEntries().count == 1)
    }

    @Test func theDatabaseRefusesToEditAStoredPlan() async throws {
        let fixture = try RegistryFixture()
        _ = try await fixture.registry.importCatalog([try S.plan()], actor: "cli:test", at: S.now)
        #expect(throws: (any Error).self) {
            try fixture.registry.pool.write { try $0.execute(sql: "UPDATE catalogPlan SET name = 'x'") }
        }
    }

    @Test func thePlanInForceIsTheNewestVersionWhoseDateHasCome() async throws {
        let fixture = try RegistryFixture()
        let first = try S.plan()
        let second = try S.plan(version: 2, objectives: 2, effectiveFrom: "2027-03-01", prefix: "LM")
        _ = try await fixture.registry.importCatalog([first, second], actor: "cli:test", at: S.now)
        #expect(try fixture.registry.plansInForce(on: S.day("2019-12-31")).isEmpty)
        #expect(try fixture.registry.plansInForce(on: S.day("2026-11-18")) == [first])
        #expect(try fixture.registry.plansInForce(on: S.day("2027-03-01")) == [second])
    }

    @Test func aNewPlanVersionNeverChangesALISOnTheOldOne() async throws {
        let store = try await TrainingStore()
        let registry = store.registry.registry
        let first = try S.plan()
        _ = try await registry.importCatalog([first], actor: "cli:test", at: S.now)
        let assigned = try #require(try registry.plan(key: .lis1Kommune, version: 1))
        try await store.assign(assigned)
        _ = try await store.database.recordActivity(
            try S.recommended("DEL1-001"), plan: first.reference, traineeID: store.trainee.id, by: Person.lis,
            id: UUID(),
            at: S.now)
        // The regulation renumbers: version 2 has other objectives.
        let second = try S.plan(version: 2, objectives: 5, effectiveFrom: "2026-06-01", prefix: "LM")
        _ = try await registry.importCatalog([second], actor: "cli:test", at: S.now)
        #expect(try registry.plansInForce(on: S.day("2026-11-18")) == [second])

        #expect(try store.database.planAssignments(traineeID: store.trainee.id).map(\.plan) == [first.reference])
        #expect(try store.database.assignedPlan(first.reference) == first)
        let report = try await store.database.progressReport(traineeID: store.trainee.id, caller: Person.lis, at: S.now)
        #expect(report.plans.map(\.plan) == [first.reference])
        #expect(report.plans.first?.lines.map(\.objectiveID.rawValue) == ["DEL1-001", "DEL1-002", "DEL1-003"])
        #expect(report.plans.first?.inProgress.map(\.rawValue) == ["DEL1-001"])
        // Moving to the new version is an explicit step: the live one must be archived first.
        await #expect(throws: PlanAssignmentError.alreadyAssigned(.lis1Kommune)) { try await store.assign(second) }
    }
}

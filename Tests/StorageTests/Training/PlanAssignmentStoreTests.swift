import Domain
import Foundation
import TestSupport
import Testing

@testable import Storage

@Suite struct PlanAssignmentStoreTests {
    typealias S = TrainingStore

    @Test func theLederAssignsAPlanAndItIsCopiedIntoTheTenantFile() async throws {
        let store = try await TrainingStore()
        let plan = try S.plan()
        let assignment = try await store.assign(plan)
        #expect(assignment.state == .assigned)
        #expect(assignment.assignedBy == .leder(Person.leder.personKey))
        #expect(try store.database.planAssignments(traineeID: store.trainee.id) == [assignment])
        #expect(try store.database.assignedPlan(plan.reference) == plan)
        let entry = try #require(try store.log().first)
        #expect(entry.operation == .assignPlan)
        #expect(entry.role == .leder)
        #expect(entry.object == "plan:lis1-kommune@1")
    }

    @Test(arguments: [Person.supervisor, Person.veileder, Person.lis, Person.outsider])
    func onlyTheLederAssignsPlans(_ person: Principal) async throws {
        let store = try await TrainingStore()
        await #expect(throws: AccessDenied.self) {
            try await store.database.assignPlan(
                try S.plan(), traineeID: store.trainee.id, by: person, id: UUID(), at: S.now)
        }
        #expect(try store.database.planAssignments(traineeID: store.trainee.id).isEmpty)
        #expect(try store.log().isEmpty)
    }

    @Test func aPlanForAnotherProgrammeIsRefused() async throws {
        let store = try await TrainingStore(programme: .alis)
        await #expect(throws: PlanAssignmentError.wrongProgramme(.lis1Kommune, .alis)) {
            try await store.assign(try S.plan())
        }
    }

    @Test func thePlanStartsWithTheFirstWorkAndCanThenOnlyBeArchived() async throws {
        let store = try await TrainingStore()
        let plan = try S.plan()
        let assignment = try await store.assign(plan)
        _ = try await store.database.recordActivity(
            try S.recommended("DEL1-002"), plan: plan.reference, traineeID: store.trainee.id, by: Person.lis,
            id: UUID(),
            at: S.now)
        let started = try #require(try store.database.planAssignments(traineeID: store.trainee.id).first)
        #expect(started.state == .started)
        #expect(started.startedAt == S.now)
        await #expect(throws: PlanAssignmentError.started) {
            try await store.database.removeAssignment(
                id: assignment.id, traineeID: store.trainee.id, by: Person.leder, at: S.now)
        }
        let archived = try await store.database.archiveAssignment(
            id: assignment.id, traineeID: store.trainee.id, by: Person.leder, at: S.now)
        #expect(archived.state == .archived)
        // With the old version archived, the key is free again.
        let next = try await store.assign(try S.plan(version: 2))
        #expect(next.plan.version == 2)
    }

    @Test func anAssignmentWithoutWorkIsRemoved() async throws {
        let store = try await TrainingStore()
        let assignment = try await store.assign(try S.plan())
        try await store.database.removeAssignment(
            id: assignment.id, traineeID: store.trainee.id, by: Person.leder, at: S.now)
        #expect(try store.database.planAssignments(traineeID: store.trainee.id).isEmpty)
        #expect(try store.log().first?.object == "plan:lis1-kommune@1 removed")
        await #expect(throws: PlanAssignmentError.notFound) {
            try await store.database.archiveAssignment(
                id: assignment.id, traineeID: store.trainee.id, by: Person.leder, at: S.now)
        }
    }

    @Test func aLIS1InAKommuneGetsThePlanInForceAutomaticallyOnceThereIsALeder() async throws {
        let store = try await TrainingStore(roles: false)
        let plans = [try S.plan()]
        let ids: @Sendable () -> UUID = { UUID() }
        var added = try await store.database.ensureAutomaticPlans(
            traineeID: store.trainee.id, plansInForce: plans, tenantKind: .kommune, newID: ids, at: S.now)
        #expect(added.isEmpty)
        try await store.grant(.leder, to: Person.leder)
        added = try await store.database.ensureAutomaticPlans(
            traineeID: store.trainee.id, plansInForce: plans, tenantKind: .kommune, newID: ids, at: S.now)
        #expect(added.map(\.plan) == [plans[0].reference])
        #expect(added.first?.assignedBy == .automatic)
        #expect(try store.log().first?.object == "plan:lis1-kommune@1 automatic")
        // Again: nothing more.
        added = try await store.database.ensureAutomaticPlans(
            traineeID: store.trainee.id, plansInForce: plans, tenantKind: .kommune, newID: ids, at: S.now)
        #expect(added.isEmpty)
        #expect(try store.database.planAssignments(traineeID: store.trainee.id).count == 1)
    }

    @Test func aVirksomhetAssignsNothingAutomatically() async throws {
        let store = try await TrainingStore()
        let added = try await store.database.ensureAutomaticPlans(
            traineeID: store.trainee.id, plansInForce: [try S.plan()], tenantKind: .virksomhet, newID: { UUID() },
            at: S.now)
        #expect(added.isEmpty)
    }
}

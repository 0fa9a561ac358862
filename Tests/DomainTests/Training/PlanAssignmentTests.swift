import Foundation
import Testing

@testable import Domain

@Suite struct PlanAssignmentTests {
    typealias F = TrainingFixture

    static func assigned(by assigner: PlanAssignment.Assigner = .automatic) throws -> PlanAssignment {
        try PlanAssignment.assign(
            try F.plan(), to: F.trainee, by: assigner, roles: F.roles, current: [], id: UUID(), at: F.now)
    }

    @Test("An assignment stores the plan key and version and starts as assigned")
    func anAssignmentStoresKeyAndVersion() throws {
        let assignment = try PlanAssignment.assign(
            try F.plan(version: 2), to: F.trainee, by: .leder(F.leder), roles: F.roles, current: [], id: UUID(), at: F.now)
        #expect(assignment.plan == PlanReference(key: .lis1Kommune, version: 2))
        #expect(assignment.state == .assigned)
        #expect(assignment.assignedBy == .leder(F.leder))
    }

    @Test("A plan that is not for the LIS's programme is refused")
    func aPlanForAnotherProgrammeIsRefused() throws {
        let alm = Plan(
            key: .alm, name: "ALM", programmes: [.alis], version: 1, effectiveFrom: try F.date("2019-03-01"), isSample: true,
            objectives: try F.plan().objectives)
        #expect(throws: PlanAssignmentError.wrongProgramme(.alm, .lis1)) {
            try PlanAssignment.assign(alm, to: F.trainee, by: .automatic, roles: F.roles, current: [], id: UUID(), at: F.now)
        }
    }

    @Test("A second live version of the same plan is refused; after archiving, a new one may be assigned")
    func aPlanIsAssignedOnce() throws {
        let first = try Self.assigned()
        #expect(throws: PlanAssignmentError.alreadyAssigned(.lis1Kommune)) {
            try PlanAssignment.assign(
                try F.plan(version: 2), to: F.trainee, by: .automatic, roles: F.roles, current: [first], id: UUID(), at: F.now)
        }
        let archived = try first.start(at: F.now).archive(at: F.now)
        let second = try PlanAssignment.assign(
            try F.plan(version: 2), to: F.trainee, by: .automatic, roles: F.roles, current: [archived], id: UUID(), at: F.now)
        #expect(second.plan.version == 2)
    }

    @Test("Only the LIS's leder assigns plans by hand")
    func onlyTheLederAssigns() {
        #expect(throws: PlanAssignmentError.lederOnly) { try Self.assigned(by: .leder(F.veileder)) }
    }

    @Test("A plan without work may be removed but not archived")
    func anUnstartedPlanIsRemovedNotArchived() throws {
        let assignment = try Self.assigned()
        #expect(throws: Never.self) { try assignment.checkRemovable() }
        #expect(throws: PlanAssignmentError.notStarted) { try assignment.archive(at: F.now) }
    }

    @Test("A started plan may be archived but not removed, and an archived one neither changes nor starts")
    func aStartedPlanIsArchivedNotRemoved() throws {
        let started = try Self.assigned().start(at: F.now)
        #expect(started.state == .started)
        #expect(started.startedAt == F.now)
        #expect(try started.start(at: F.now.addingTimeInterval(60)) == started)
        #expect(throws: PlanAssignmentError.started) { try started.checkRemovable() }
        let archived = try started.archive(at: F.now)
        #expect(archived.state == .archived)
        #expect(throws: PlanAssignmentError.archived) { try archived.archive(at: F.now) }
        #expect(throws: PlanAssignmentError.archived) { try archived.checkRemovable() }
        #expect(throws: PlanAssignmentError.archived) { try archived.start(at: F.now) }
    }

    @Test(
        "A LIS1 in a kommune gets lis1-kommune automatically once a leder is in place; nobody else does",
        arguments: [
            (Programme.lis1, TenantKind.kommune, true, [PlanKey.lis1Kommune]),
            (.lis1, .kommune, false, []),
            (.lis1, .virksomhet, true, []),
            (.alis, .kommune, true, []),
            (.samfunnsmedisin, .kommune, true, []),
        ])
    func automaticPlans(_ programme: Programme, _ kind: TenantKind, _ hasLeder: Bool, _ expected: [PlanKey]) {
        #expect(PlanAssignment.automaticPlans(programme: programme, tenantKind: kind, hasLeder: hasLeder) == expected)
    }

    @Test("The leder of an ALIS assigns ALM and FKM")
    func theLederOfAnALISAssignsALMAndFKM() {
        #expect(PlanAssignment.lederAssignedPlans(programme: .alis) == [.alm, .fkm])
        #expect(PlanAssignment.lederAssignedPlans(programme: .lis1).isEmpty)
    }

    @Test("The version in force is the highest one whose effective date has come")
    func theVersionInForce() throws {
        let catalog = [
            try F.plan(version: 1),
            Plan(
                key: .lis1Kommune, name: "LIS1 kommune", programmes: [.lis1], version: 2,
                effectiveFrom: try F.date("2030-01-01"), isSample: true, objectives: try F.plan().objectives),
        ]
        #expect(Plan.inForce(.lis1Kommune, in: catalog, on: F.today)?.version == 1)
        #expect(Plan.inForce(.lis1Kommune, in: catalog, on: try F.date("2030-01-01"))?.version == 2)
        #expect(Plan.inForce(.alm, in: catalog, on: F.today) == nil)
    }
}

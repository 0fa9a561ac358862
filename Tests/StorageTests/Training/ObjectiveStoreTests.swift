import Domain
import Foundation
import TestSupport
import Testing

@testable import Storage

@Suite struct ObjectiveStoreTests {
    typealias S = TrainingStore

    static let del1001: ObjectiveID = {
        guard let id = try? ObjectiveID("DEL1-001") else { preconditionFailure("fixture objective id is invalid") }
        return id
    }()

    /// A store whose LIS has submitted DEL1-001 of the small plan to the leder.
    static func submitted() async throws -> (TrainingStore, Plan) {
        let store = try await TrainingStore()
        let plan = try S.plan()
        try await store.assign(plan)
        let progress = try await store.database.submitObjective(
            del1001, plan: plan.reference, traineeID: store.trainee.id, by: Person.lis, at: S.now)
        #expect(progress.state == .submitted)
        return (store, plan)
    }

    func approve(
        _ store: TrainingStore, _ plan: Plan, by person: Principal = Person.leder
    ) async throws -> ObjectiveProgress {
        try await store.database.approveObjective(
            Self.del1001, plan: plan.reference, traineeID: store.trainee.id,
            consultedVeileder: Person.veileder.personKey, consultedSupervisors: [Person.supervisor.personKey],
            by: person,
            at: S.now)
    }

    @Test func theLederApprovesAfterConsultingTheVeilederAndASupervisor() async throws {
        let (store, plan) = try await Self.submitted()
        let approved = try await approve(store, plan)
        let approval = ObjectiveApproval.local(
            leder: Person.leder.personKey, consultedVeileder: Person.veileder.personKey,
            consultedSupervisors: [Person.supervisor.personKey], at: S.now)
        #expect(approved.state == .approved(approval))
        #expect(try store.database.objectiveProgress(traineeID: store.trainee.id) == [approved])
        #expect(approved.history.map(\.kind) == [.submitted, .approved(approval)])
        let entry = try #require(try store.log().first)
        #expect(entry.object == "objective:DEL1-001 plan:lis1-kommune@1 approved")
        #expect(entry.operation == .approveObjective)
        #expect(entry.role == .leder)
        #expect(try store.database.planAssignments(traineeID: store.trainee.id).first?.state == .started)
    }

    @Test(arguments: [Person.supervisor, Person.veileder, Person.lis])
    func onlyTheLederDecidesObjectives(_ person: Principal) async throws {
        let (store, plan) = try await Self.submitted()
        await #expect(throws: AccessDenied.self) { try await approve(store, plan, by: person) }
        await #expect(throws: AccessDenied.self) {
            try await store.database.rejectObjective(
                Self.del1001, plan: plan.reference, traineeID: store.trainee.id, comment: "Nei", by: person, at: S.now)
        }
    }

    @Test func anApprovalNamesASupervisorWhoWasConsulted() async throws {
        let (store, plan) = try await Self.submitted()
        await #expect(throws: ObjectiveError.consultationRequired(.supervisor)) {
            try await store.database.approveObjective(
                Self.del1001, plan: plan.reference, traineeID: store.trainee.id,
                consultedVeileder: Person.veileder.personKey, consultedSupervisors: [], by: Person.leder, at: S.now)
        }
        await #expect(throws: ObjectiveError.notInRole(.supervisor)) {
            try await store.database.approveObjective(
                Self.del1001, plan: plan.reference, traineeID: store.trainee.id,
                consultedVeileder: Person.veileder.personKey, consultedSupervisors: [Person.outsider.personKey],
                by: Person.leder, at: S.now)
        }
    }

    @Test func anObjectiveIsNotApprovedTwice() async throws {
        let (store, plan) = try await Self.submitted()
        _ = try await approve(store, plan)
        await #expect(throws: ObjectiveError.approved) { try await approve(store, plan) }
        await #expect(throws: ObjectiveError.approved) {
            try await store.database.submitObjective(
                Self.del1001, plan: plan.reference, traineeID: store.trainee.id, by: Person.lis, at: S.now)
        }
    }

    @Test func aRejectionGoesBackToTheLISAndARevokedApprovalStaysInTheHistory() async throws {
        let (store, plan) = try await Self.submitted()
        let rejected = try await store.database.rejectObjective(
            Self.del1001, plan: plan.reference, traineeID: store.trainee.id, comment: "Mer veiledning først",
            by: Person.leder, at: S.now)
        #expect(rejected.state == .rejected(comment: "Mer veiledning først"))
        _ = try await store.database.submitObjective(
            Self.del1001, plan: plan.reference, traineeID: store.trainee.id, by: Person.lis, at: S.now)
        _ = try await approve(store, plan)
        let revoked = try await store.database.revokeObjectiveApproval(
            Self.del1001, plan: plan.reference, traineeID: store.trainee.id, reason: "Godkjent ved en feil",
            by: Person.leder, at: S.now)
        #expect(revoked.state == .inProgress)
        let stored = try #require(try store.database.objectiveProgress(traineeID: store.trainee.id).first)
        #expect(stored.history.count == 5)
        #expect(stored.history.last?.kind == .approvalRevoked(reason: "Godkjent ved en feil"))
    }

    @Test func approvalsFromAnotherTenantCountAsApprovedElsewhereAndImportOnce() async throws {
        let store = try await TrainingStore()
        let plan = try S.plan()
        try await store.assign(plan)
        let approvals = try ["DEL1-002", "DEL1-003"].map { raw in
            ImportedApproval(
                sourceTenant: Fixtures.tenantID("kommune-4601"),
                organisationNumber: Fixtures.organisationNumber("988077917"),
                approverNames: ["Lena Leder"], approvedAt: S.now, plan: plan.reference,
                objectiveID: try ObjectiveID(raw))
        }
        let imported = try await store.database.importApprovals(
            approvals, traineeID: store.trainee.id, by: Person.lis, at: S.now)
        #expect(imported.count == 2)
        let again = try await store.database.importApprovals(
            approvals, traineeID: store.trainee.id, by: Person.lis, at: S.now)
        #expect(again.isEmpty)
        let report = try await store.database.progressReport(traineeID: store.trainee.id, caller: Person.lis, at: S.now)
        #expect(report.plans.first?.approved.map(\.rawValue) == ["DEL1-002", "DEL1-003"])
        #expect(report.plans.first?.importedApprovals == 2)
        #expect(report.plans.first?.lines.map(\.status) == [.notStarted, .approvedElsewhere, .approvedElsewhere])
        await #expect(throws: AccessDenied.self) {
            try await store.database.importApprovals(
                approvals, traineeID: store.trainee.id, by: Person.supervisor, at: S.now)
        }
    }
}

import Foundation
import Testing

@testable import Domain

@Suite struct ObjectiveProgressTests {
    typealias F = TrainingFixture

    static func opened() throws -> ObjectiveProgress {
        try ObjectiveProgress.open(try F.objectiveID("DEL1-002"), in: try F.plan(), for: F.trainee, id: UUID())
    }

    static func submitted() throws -> ObjectiveProgress {
        try opened().start(by: F.lis, at: F.now).submit(by: F.trainee, at: F.now)
    }

    static func approved() throws -> ObjectiveProgress {
        try submitted().approve(
            by: F.leder, consultedVeileder: F.veileder, consultedSupervisors: [F.supervisor], trainee: F.trainee,
            roles: F.roles, at: F.now)
    }

    static func imported() throws -> ImportedApproval {
        ImportedApproval(
            sourceTenant: try TenantID("helse-bergen"), organisationNumber: try OrganisationNumber("983974724"),
            approverNames: ["Per Leder"], approvedAt: Date(timeIntervalSince1970: 1_700_000_000),
            plan: PlanReference(key: .lis1Kommune, version: 1), objectiveID: try ObjectiveID("DEL1-002"))
    }

    @Test("An objective goes from not started to in progress to submitted")
    func anObjectiveIsStartedAndSubmitted() throws {
        let opened = try Self.opened()
        #expect(opened.state == .notStarted)
        let started = opened.start(by: F.lis, at: F.now)
        #expect(started.state == .inProgress)
        #expect(started.start(by: F.lis, at: F.now) == started)
        #expect(try started.submit(by: F.trainee, at: F.now).state == .submitted)
    }

    @Test("An objective not in the plan version cannot be opened")
    func anUnknownObjectiveIsRefused() throws {
        let id = try F.objectiveID("DEL1-404")
        #expect(throws: ObjectiveError.unknownObjective(id)) {
            try ObjectiveProgress.open(id, in: try F.plan(), for: F.trainee, id: UUID())
        }
    }

    @Test("The leder approves, recording the consulted veileder and supervisors")
    func theLederApprovesAfterConsulting() throws {
        let approved = try Self.submitted().approve(
            by: F.leder, consultedVeileder: F.veileder, consultedSupervisors: [F.supervisor, F.secondSupervisor, F.supervisor],
            trainee: F.trainee, roles: F.roles, at: F.now)
        #expect(
            approved.approval
                == .local(
                    leder: F.leder, consultedVeileder: F.veileder, consultedSupervisors: [F.supervisor, F.secondSupervisor],
                    at: F.now))
        #expect(approved.isApproved)
        #expect(approved.history.map(\.kind).last == .approved(try #require(approved.approval)))
    }

    @Test("Approval without the veileder or without a supervisor is refused")
    func consultationIsRequired() throws {
        let submitted = try Self.submitted()
        #expect(throws: ObjectiveError.consultationRequired(.veileder)) {
            try submitted.approve(
                by: F.leder, consultedVeileder: nil, consultedSupervisors: [F.supervisor], trainee: F.trainee,
                roles: F.roles, at: F.now)
        }
        #expect(throws: ObjectiveError.consultationRequired(.supervisor)) {
            try submitted.approve(
                by: F.leder, consultedVeileder: F.veileder, consultedSupervisors: [], trainee: F.trainee, roles: F.roles,
                at: F.now)
        }
    }

    @Test("People named as consulted must hold those roles for the LIS")
    func consultedPeopleMustHoldTheirRoles() throws {
        let submitted = try Self.submitted()
        #expect(throws: ObjectiveError.notInRole(.veileder)) {
            try submitted.approve(
                by: F.leder, consultedVeileder: F.supervisor, consultedSupervisors: [F.supervisor], trainee: F.trainee,
                roles: F.roles, at: F.now)
        }
        #expect(throws: ObjectiveError.notInRole(.supervisor)) {
            try submitted.approve(
                by: F.leder, consultedVeileder: F.veileder, consultedSupervisors: [F.outsider], trainee: F.trainee,
                roles: F.roles, at: F.now)
        }
    }

    @Test("Only the leder decides, never the LIS on their own submission")
    func onlyTheLederDecides() throws {
        let submitted = try Self.submitted()
        #expect(throws: ObjectiveError.lederOnly) {
            try submitted.approve(
                by: F.veileder, consultedVeileder: F.veileder, consultedSupervisors: [F.supervisor], trainee: F.trainee,
                roles: F.roles, at: F.now)
        }
        // Even if the roles were (wrongly) to name the LIS as leder.
        let selfLed = F.roles + [F.holding(.leder, F.lis)]
        #expect(throws: ObjectiveError.ownSubmission) {
            try submitted.approve(
                by: F.lis, consultedVeileder: F.veileder, consultedSupervisors: [F.supervisor], trainee: F.trainee,
                roles: selfLed, at: F.now)
        }
    }

    @Test("Deciding an objective that was not submitted is refused, and only the LIS submits")
    func decisionsNeedASubmission() throws {
        let started = try Self.opened().start(by: F.lis, at: F.now)
        #expect(throws: ObjectiveError.notSubmitted) {
            try started.reject(comment: "Nei", by: F.leder, trainee: F.trainee, roles: F.roles, at: F.now)
        }
        #expect(throws: ObjectiveError.alreadySubmitted) { try Self.submitted().submit(by: F.trainee, at: F.now) }
        let other = Trainee(
            id: UUID(), personKey: F.outsider, name: "Annen", hprNumber: nil, programme: .lis1, email: nil,
            registeredAt: F.now)
        #expect(throws: ObjectiveError.notYours) { try started.submit(by: other, at: F.now) }
    }

    @Test("A rejection needs a comment; a rejected objective may be submitted again")
    func rejectedObjectivesAreResubmitted() throws {
        let submitted = try Self.submitted()
        #expect(throws: ObjectiveError.commentRequired) {
            try submitted.reject(comment: " ", by: F.leder, trainee: F.trainee, roles: F.roles, at: F.now)
        }
        let rejected = try submitted.reject(
            comment: "Trenger mer erfaring", by: F.leder, trainee: F.trainee, roles: F.roles, at: F.now)
        #expect(rejected.state == .rejected(comment: "Trenger mer erfaring"))
        #expect(try rejected.submit(by: F.trainee, at: F.now).state == .submitted)
    }

    @Test("An approved objective is immutable: no new decision, no resubmission")
    func approvedIsImmutable() throws {
        let approved = try Self.approved()
        #expect(throws: ObjectiveError.approved) {
            try approved.approve(
                by: F.leder, consultedVeileder: F.veileder, consultedSupervisors: [F.supervisor], trainee: F.trainee,
                roles: F.roles, at: F.now)
        }
        #expect(throws: ObjectiveError.approved) {
            try approved.reject(comment: "Nei", by: F.leder, trainee: F.trainee, roles: F.roles, at: F.now)
        }
        #expect(throws: ObjectiveError.approved) { try approved.submit(by: F.trainee, at: F.now) }
        #expect(throws: ObjectiveError.approved) { try approved.importApproval(try Self.imported(), at: F.now) }
    }

    @Test("Revoking an approval needs the leder and a reason, returns to in progress and keeps the history")
    func revocationIsExplicit() throws {
        let approved = try Self.approved()
        #expect(throws: ObjectiveError.reasonRequired) {
            try approved.revokeApproval(reason: "", by: F.leder, trainee: F.trainee, roles: F.roles, at: F.now)
        }
        #expect(throws: ObjectiveError.lederOnly) {
            try approved.revokeApproval(reason: "Feil mål", by: F.veileder, trainee: F.trainee, roles: F.roles, at: F.now)
        }
        let revoked = try approved.revokeApproval(
            reason: "Godkjent ved en feil", by: F.leder, trainee: F.trainee, roles: F.roles, at: F.now)
        #expect(revoked.state == .inProgress)
        #expect(revoked.history.count == approved.history.count + 1)
        #expect(revoked.history.contains { if case .approved = $0.kind { true } else { false } })
        #expect(revoked.history.last?.kind == .approvalRevoked(reason: "Godkjent ved en feil"))
        #expect(throws: ObjectiveError.notApproved) {
            try revoked.revokeApproval(reason: "Igjen", by: F.leder, trainee: F.trainee, roles: F.roles, at: F.now)
        }
    }

    @Test("An approval imported from another tenant counts as approved and says where it came from")
    func importedApprovalsCount() throws {
        let approved = try Self.opened().importApproval(try Self.imported(), at: F.now)
        #expect(approved.isApproved)
        #expect(approved.approval?.isImported == true)
        #expect(approved.approval == .imported(try Self.imported()))
        #expect(approved.approval?.approvedAt == Date(timeIntervalSince1970: 1_700_000_000))
        let other = try ObjectiveProgress.open(try F.objectiveID("DEL1-003"), in: try F.plan(), for: F.trainee, id: UUID())
        #expect(throws: ObjectiveError.wrongObjective) { try other.importApproval(try Self.imported(), at: F.now) }
    }

    @Test("Error codes are stable machine strings")
    func errorCodes() {
        #expect(ObjectiveError.consultationRequired(.supervisor).code == "objective.consultation-required")
        #expect(ObjectiveError.ownSubmission.code == "objective.own-submission")
        #expect(ObjectiveError.approved.code == "objective.approved")
    }
}

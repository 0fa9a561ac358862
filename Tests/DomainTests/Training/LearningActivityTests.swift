import Foundation
import Testing

@testable import Domain

@Suite struct LearningActivityTests {
    typealias F = TrainingFixture

    /// A draft of the first recommended activity of DEL1-001 (signed by a supervisor).
    static func draft(_ kind: LearningActivity.Kind = .recommended(index: 0), objective: String? = "DEL1-001")
        throws -> LearningActivity
    {
        let content = LearningActivity.Content(
            objectiveID: try objective.map(F.objectiveID), kind: kind, performedOn: try F.date("2027-01-10"),
            note: "  Gjennomført på legevakt  ")
        return try LearningActivity.record(content, for: F.trainee, plan: try F.plan(), id: UUID(), at: F.now)
    }

    static func submitted() throws -> LearningActivity {
        try draft().submit(to: F.supervisor, as: .supervisor, by: F.trainee, roles: F.roles, at: F.now)
    }

    @Test("A recommended activity takes its type and signer from the plan and starts as a draft")
    func aRecommendedActivityFollowsThePlan() throws {
        let activity = try Self.draft(.recommended(index: 1))
        #expect(activity.type == .eLearning)
        #expect(activity.signer == .supervisor)
        #expect(activity.state == .draft)
        #expect(activity.content.note == "Gjennomført på legevakt")
        #expect(activity.history.map(\.kind) == [.recorded])
        #expect(activity.plan == PlanReference(key: .lis1Kommune, version: 1))
    }

    @Test("Sent to the named supervisor, approved by that supervisor, with the whole history kept")
    func theAddresseeApproves() throws {
        let approved = try Self.submitted().approve(by: F.supervisor, trainee: F.trainee, roles: F.roles, at: F.now)
        #expect(approved.state == .approved(by: F.supervisor, at: F.now))
        #expect(approved.isApproved)
        #expect(
            approved.history.map(\.kind) == [.recorded, .submitted(to: F.supervisor, role: .supervisor), .approved])
    }

    @Test("Someone other than the person it was sent to cannot sign it")
    func onlyTheAddresseeSigns() throws {
        let submitted = try Self.submitted()
        #expect(throws: ActivityError.notAddressedToYou) {
            try submitted.approve(by: F.secondSupervisor, trainee: F.trainee, roles: F.roles, at: F.now)
        }
        #expect(throws: ActivityError.notAddressedToYou) {
            try submitted.reject(comment: "Nei", by: F.veileder, trainee: F.trainee, roles: F.roles, at: F.now)
        }
    }

    @Test("An activity the plan has signed by a supervisor cannot be sent to the veileder, nor the reverse")
    func theSignerRoleMustMatchThePlan() throws {
        #expect(throws: ActivityError.wrongSignerRole(required: .supervisor)) {
            try Self.draft().submit(to: F.veileder, as: .veileder, by: F.trainee, roles: F.roles, at: F.now)
        }
        let veilederSigned = try Self.draft(.recommended(index: 0), objective: "DEL1-002")
        #expect(throws: ActivityError.wrongSignerRole(required: .veileder)) {
            try veilederSigned.submit(to: F.supervisor, as: .supervisor, by: F.trainee, roles: F.roles, at: F.now)
        }
    }

    @Test("Sending to a person who does not hold the signing role for the LIS is refused")
    func theAddresseeMustHoldTheRole() throws {
        #expect(throws: ActivityError.signerNotInRole(.supervisor)) {
            try Self.draft().submit(to: F.outsider, as: .supervisor, by: F.trainee, roles: F.roles, at: F.now)
        }
        // The supervisor lost the role after the activity was sent.
        let submitted = try Self.submitted()
        let without = F.roles.filter { $0.personKey != F.supervisor }
        #expect(throws: ActivityError.signerNotInRole(.supervisor)) {
            try submitted.approve(by: F.supervisor, trainee: F.trainee, roles: without, at: F.now)
        }
    }

    @Test("The LIS can neither send the activity to themselves nor sign it")
    func theLISNeverSignsTheirOwn() throws {
        #expect(throws: ActivityError.ownActivity) {
            try Self.draft().submit(to: F.lis, as: .supervisor, by: F.trainee, roles: F.roles, at: F.now)
        }
        #expect(throws: ActivityError.ownActivity) {
            try Self.submitted().approve(by: F.lis, trainee: F.trainee, roles: F.roles, at: F.now)
        }
    }

    @Test("Approving twice and deciding an activity that was not sent are refused")
    func decisionsNeedASubmittedActivity() throws {
        let approved = try Self.submitted().approve(by: F.supervisor, trainee: F.trainee, roles: F.roles, at: F.now)
        #expect(throws: ActivityError.approved) {
            try approved.approve(by: F.supervisor, trainee: F.trainee, roles: F.roles, at: F.now)
        }
        #expect(throws: ActivityError.notSubmitted) {
            try Self.draft().approve(by: F.supervisor, trainee: F.trainee, roles: F.roles, at: F.now)
        }
        #expect(throws: ActivityError.notSubmitted) {
            try Self.draft().reject(comment: "Nei", by: F.supervisor, trainee: F.trainee, roles: F.roles, at: F.now)
        }
    }

    @Test("A rejection needs a comment")
    func aRejectionNeedsAComment() throws {
        #expect(throws: ActivityError.commentRequired) {
            try Self.submitted().reject(comment: "   ", by: F.supervisor, trainee: F.trainee, roles: F.roles, at: F.now)
        }
    }

    @Test("A rejected activity is corrected and sent again, and then approved")
    func aRejectedActivityIsCorrectedAndResubmitted() throws {
        let rejected = try Self.submitted().reject(
            comment: "Mangler refleksjon", by: F.supervisor, trainee: F.trainee, roles: F.roles, at: F.now)
        #expect(rejected.state == .rejected(by: F.supervisor, comment: "Mangler refleksjon"))
        var content = rejected.content
        content.note = "Med refleksjon"
        let corrected = try rejected.edit(content, by: F.trainee, plan: try F.plan(), at: F.now)
        #expect(corrected.state == .draft)
        let approved = try corrected.submit(to: F.supervisor, as: .supervisor, by: F.trainee, roles: F.roles, at: F.now)
            .approve(by: F.supervisor, trainee: F.trainee, roles: F.roles, at: F.now)
        #expect(approved.isApproved)
        #expect(approved.history.count == 6)
    }

    @Test("An approved activity cannot be edited or sent again, and a submitted one waits for its decision")
    func approvedActivitiesAreFrozen() throws {
        let submitted = try Self.submitted()
        #expect(throws: ActivityError.awaitingDecision) {
            try submitted.edit(submitted.content, by: F.trainee, plan: try F.plan(), at: F.now)
        }
        let approved = try submitted.approve(by: F.supervisor, trainee: F.trainee, roles: F.roles, at: F.now)
        #expect(throws: ActivityError.approved) {
            try approved.edit(approved.content, by: F.trainee, plan: try F.plan(), at: F.now)
        }
        #expect(throws: ActivityError.approved) {
            try approved.submit(to: F.supervisor, as: .supervisor, by: F.trainee, roles: F.roles, at: F.now)
        }
    }

    @Test("A date performed in the future is refused; today is accepted in every time zone")
    func futureDatesAreRefused() throws {
        let plan = try F.plan()
        let tomorrowEverywhere = try F.date("2027-01-17")
        #expect(throws: ActivityError.futureDate) {
            try LearningActivity.record(
                .init(objectiveID: try F.objectiveID("DEL1-001"), kind: .recommended(index: 0), performedOn: tomorrowEverywhere),
                for: F.trainee, plan: plan, id: UUID(), at: F.now)
        }
        let today = try LearningActivity.record(
            .init(objectiveID: try F.objectiveID("DEL1-001"), kind: .recommended(index: 0), performedOn: F.today),
            for: F.trainee, plan: plan, id: UUID(), at: F.now)
        #expect(today.content.performedOn == F.today)
    }

    @Test("An alternative activity outside the plan must be documented, and may stand without an objective")
    func alternativeActivitiesAreDocumented() throws {
        #expect(throws: ActivityError.documentationRequired) {
            try Self.draft(.alternative(type: .course, signer: .veileder, documentation: "  "), objective: nil)
        }
        let alternative = try Self.draft(
            .alternative(type: .course, signer: .veileder, documentation: "Kurs i palliasjon, 2 dager"), objective: nil)
        #expect(alternative.objectiveID == nil)
        #expect(alternative.type == .course)
        #expect(alternative.signer == .veileder)
    }

    @Test("A recommended activity needs an objective of the plan and a recommendation that exists")
    func recommendationsMustExist() throws {
        #expect(throws: ActivityError.objectiveRequired) { try Self.draft(.recommended(index: 0), objective: nil) }
        #expect(throws: ActivityError.unknownRecommendation(index: 5)) { try Self.draft(.recommended(index: 5)) }
        #expect(throws: ActivityError.unknownObjective(try F.objectiveID("DEL1-999"))) {
            try Self.draft(.recommended(index: 0), objective: "DEL1-999")
        }
    }

    @Test("Only the LIS edits or sends the activity, and only against its own plan version")
    func onlyTheLISWrites() throws {
        let other = Trainee(
            id: UUID(), personKey: F.outsider, name: "Annen", hprNumber: nil, programme: .lis1, email: nil,
            registeredAt: F.now)
        let draft = try Self.draft()
        #expect(throws: ActivityError.notYours) { try draft.edit(draft.content, by: other, plan: try F.plan(), at: F.now) }
        #expect(throws: ActivityError.notYours) {
            try draft.submit(to: F.supervisor, as: .supervisor, by: other, roles: F.roles, at: F.now)
        }
        #expect(throws: ActivityError.wrongPlan) {
            try draft.edit(draft.content, by: F.trainee, plan: try F.plan(version: 2), at: F.now)
        }
    }

    @Test("An attachment is metadata with a hash, a plain file name, a media type and a bounded size")
    func attachmentsAreValidated() throws {
        let hash = String(repeating: "ab", count: 32)
        let attachment = try AttachmentReference(sha256: hash, filename: "kursbevis.pdf", mediaType: "Application/PDF", size: 1200)
        #expect(attachment.mediaType == "application/pdf")
        #expect(throws: ValidationError.self) {
            try AttachmentReference(sha256: hash, filename: "../etc/passwd", mediaType: "text/plain", size: 10)
        }
        #expect(throws: ValidationError.self) {
            try AttachmentReference(sha256: "xyz", filename: "a.pdf", mediaType: "application/pdf", size: 10)
        }
        #expect(throws: ValidationError.self) {
            try AttachmentReference(sha256: hash, filename: "a.pdf", mediaType: "pdf", size: 10)
        }
        #expect(throws: ValidationError.self) {
            try AttachmentReference(sha256: hash, filename: "a.pdf", mediaType: "application/pdf", size: 0)
        }
    }

    @Test("Error codes are stable machine strings")
    func errorCodes() {
        #expect(ActivityError.notAddressedToYou.code == "activity.not-addressed-to-you")
        #expect(ActivityError.wrongSignerRole(required: .veileder).detail == "this activity is signed by the veileder")
        #expect(ActivityError.futureDate.code == "activity.future-date")
    }
}

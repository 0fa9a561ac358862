import struct Foundation.Date
import struct Foundation.UUID

/// The activity state machine. Every decision takes the LIS and the roles held for them now, because the
/// rules are about people: only the LIS writes, only the addressee signs, and nobody signs their own work.
extension LearningActivity {
    /// Records a new draft activity for `trainee` against a plan version the LIS works on.
    package static func record(
        _ content: Content, for trainee: Trainee, plan: Plan, id: UUID, at now: Date
    ) throws(ActivityError) -> LearningActivity {
        let (type, signer) = try validate(content, plan: plan, at: now)
        return LearningActivity(
            id: id, traineeID: trainee.id, plan: plan.reference, content: normalised(content), type: type,
            signer: signer, state: .draft, history: [ActivityEvent(kind: .recorded, by: trainee.personKey, at: now)])
    }

    /// Replaces the content of a draft, or corrects a rejected activity (which becomes a draft again).
    package func edit(_ content: Content, by trainee: Trainee, plan: Plan, at now: Date) throws(ActivityError)
        -> LearningActivity
    {
        guard trainee.id == traineeID else { throw .notYours }
        switch state {
        case .approved: throw .approved
        case .submitted: throw .awaitingDecision
        case .draft, .rejected: break
        }
        guard plan.reference == self.plan else { throw .wrongPlan }
        let (type, signer) = try Self.validate(content, plan: plan, at: now)
        var edited = self
        edited.content = Self.normalised(content)
        edited.type = type
        edited.signer = signer
        edited.state = .draft
        edited.history.append(ActivityEvent(kind: .edited, by: trainee.personKey, at: now))
        return edited
    }

    /// Sends the activity to a named person, who must hold the role the activity requires for this LIS.
    package func submit(
        to person: PersonKey, as role: ActivitySigner, by trainee: Trainee, roles: [RoleAssignment], at now: Date
    ) throws(ActivityError) -> LearningActivity {
        guard trainee.id == traineeID else { throw .notYours }
        switch state {
        case .approved: throw .approved
        case .submitted: throw .awaitingDecision
        case .draft, .rejected: break
        }
        guard role == signer else { throw .wrongSignerRole(required: signer) }
        guard person != trainee.personKey else { throw .ownActivity }
        guard Self.holds(person, role, for: traineeID, in: roles) else { throw .signerNotInRole(role) }
        var submitted = self
        submitted.state = .submitted(to: person, role: role)
        submitted.history.append(ActivityEvent(kind: .submitted(to: person, role: role), by: trainee.personKey, at: now))
        return submitted
    }

    package func approve(by person: PersonKey, trainee: Trainee, roles: [RoleAssignment], at now: Date)
        throws(ActivityError) -> LearningActivity
    {
        try checkDecider(person, trainee: trainee, roles: roles)
        var approved = self
        approved.state = .approved(by: person, at: now)
        approved.history.append(ActivityEvent(kind: .approved, by: person, at: now))
        return approved
    }

    package func reject(
        comment rawComment: String, by person: PersonKey, trainee: Trainee, roles: [RoleAssignment], at now: Date
    ) throws(ActivityError) -> LearningActivity {
        try checkDecider(person, trainee: trainee, roles: roles)
        let comment = rawComment.trimmingWhitespace()
        guard !comment.isEmpty else { throw .commentRequired }
        guard comment.count <= Self.maxCommentLength else {
            throw .invalid(ValidationError(field: "comment", reason: .tooLong(max: Self.maxCommentLength)))
        }
        var rejected = self
        rejected.state = .rejected(by: person, comment: comment)
        rejected.history.append(ActivityEvent(kind: .rejected(comment: comment), by: person, at: now))
        return rejected
    }

    /// The decider must be the addressee, still in the signing role, and never the LIS.
    private func checkDecider(_ person: PersonKey, trainee: Trainee, roles: [RoleAssignment]) throws(ActivityError) {
        guard trainee.id == traineeID else { throw .notYours }
        let addressee: PersonKey
        let role: ActivitySigner
        switch state {
        case .approved: throw .approved
        case .draft, .rejected: throw .notSubmitted
        case .submitted(let to, let submittedRole):
            addressee = to
            role = submittedRole
        }
        guard person != trainee.personKey else { throw .ownActivity }
        guard person == addressee else { throw .notAddressedToYou }
        guard Self.holds(person, role, for: traineeID, in: roles) else { throw .signerNotInRole(role) }
    }

    private static func holds(_ person: PersonKey, _ signer: ActivitySigner, for traineeID: UUID, in roles: [RoleAssignment])
        -> Bool
    {
        roles.contains { $0.traineeID == traineeID && $0.personKey == person && $0.role == signer.role }
    }

    /// Checks the content against the plan version and returns the type and signer it implies.
    private static func validate(_ content: Content, plan: Plan, at now: Date) throws(ActivityError)
        -> (ActivityType, ActivitySigner)
    {
        guard content.performedOn <= CalendarDate.latestBegun(at: now) else { throw .futureDate }
        guard content.note.trimmingWhitespace().count <= maxNoteLength else {
            throw .invalid(ValidationError(field: "note", reason: .tooLong(max: maxNoteLength)))
        }
        var objective: LearningObjective?
        if let id = content.objectiveID {
            guard let found = plan.objective(id) else { throw .unknownObjective(id) }
            objective = found
        }
        switch content.kind {
        case .recommended(let index):
            guard let objective else { throw .objectiveRequired }
            guard objective.activities.indices.contains(index) else { throw .unknownRecommendation(index: index) }
            let recommendation = objective.activities[index]
            return (recommendation.type, recommendation.signer)
        case .alternative(let type, let signer, let documentation):
            let text = documentation.trimmingWhitespace()
            guard !text.isEmpty else { throw .documentationRequired }
            guard text.count <= maxDocumentationLength else {
                throw .invalid(ValidationError(field: "documentation", reason: .tooLong(max: maxDocumentationLength)))
            }
            return (type, signer)
        }
    }

    private static func normalised(_ content: Content) -> Content {
        var result = content
        result.note = content.note.trimmingWhitespace()
        if case .alternative(let type, let signer, let documentation) = content.kind {
            result.kind = .alternative(type: type, signer: signer, documentation: documentation.trimmingWhitespace())
        }
        return result
    }
}

import struct Foundation.Date
import struct Foundation.UUID

/// The objective state machine. The leder decides, and only after hearing the veileder and at least one
/// supervisor (source); both are checked against the roles held for this LIS, so an approval never names
/// someone who was not in a position to advise.
extension ObjectiveProgress {
    /// The progress record for one objective of a plan version the LIS works on, before any work.
    package static func open(_ objectiveID: ObjectiveID, in plan: Plan, for trainee: Trainee, id: UUID)
        throws(ObjectiveError) -> ObjectiveProgress
    {
        guard plan.objective(objectiveID) != nil else { throw .unknownObjective(objectiveID) }
        return ObjectiveProgress(
            id: id, traineeID: trainee.id, plan: plan.reference, objectiveID: objectiveID, state: .notStarted,
            history: [])
    }

    /// Marks work as begun (an activity was recorded). Does nothing once past `notStarted`, because every
    /// activity calls it.
    package func start(by person: PersonKey, at now: Date) -> ObjectiveProgress {
        guard state == .notStarted else { return self }
        var started = self
        started.state = .inProgress
        started.history.append(ObjectiveEvent(kind: .started, by: person, at: now))
        return started
    }

    /// The LIS sends the objective to the leder.
    package func submit(by trainee: Trainee, at now: Date) throws(ObjectiveError) -> ObjectiveProgress {
        guard trainee.id == traineeID else { throw .notYours }
        switch state {
        case .approved: throw .approved
        case .submitted: throw .alreadySubmitted
        case .notStarted, .inProgress, .rejected: break
        }
        var submitted = self
        submitted.state = .submitted
        submitted.history.append(ObjectiveEvent(kind: .submitted, by: trainee.personKey, at: now))
        return submitted
    }

    /// The leder approves, recording whom they consulted: the LIS's veileder and at least one supervisor.
    package func approve(
        by leder: PersonKey, consultedVeileder: PersonKey?, consultedSupervisors: [PersonKey], trainee: Trainee,
        roles: [RoleAssignment], at now: Date
    ) throws(ObjectiveError) -> ObjectiveProgress {
        try checkDecision(by: leder, trainee: trainee, roles: roles)
        guard let veileder = consultedVeileder else { throw .consultationRequired(.veileder) }
        guard holds(veileder, .veileder, in: roles), veileder != trainee.personKey else { throw .notInRole(.veileder) }
        var supervisors: [PersonKey] = []
        for supervisor in consultedSupervisors where !supervisors.contains(supervisor) {
            supervisors.append(supervisor)
        }
        guard !supervisors.isEmpty else { throw .consultationRequired(.supervisor) }
        guard supervisors.allSatisfy({ holds($0, .supervisor, in: roles) && $0 != trainee.personKey }) else {
            throw .notInRole(.supervisor)
        }
        let approval = ObjectiveApproval.local(
            leder: leder, consultedVeileder: veileder, consultedSupervisors: supervisors, at: now)
        var approved = self
        approved.state = .approved(approval)
        approved.history.append(ObjectiveEvent(kind: .approved(approval), by: leder, at: now))
        return approved
    }

    /// The leder rejects (*underkjenner*) with a comment the LIS can act on.
    package func reject(
        comment rawComment: String, by leder: PersonKey, trainee: Trainee, roles: [RoleAssignment], at now: Date
    ) throws(ObjectiveError) -> ObjectiveProgress {
        try checkDecision(by: leder, trainee: trainee, roles: roles)
        let comment = rawComment.trimmingWhitespace()
        guard !comment.isEmpty else { throw .commentRequired }
        guard comment.count <= Self.maxCommentLength else {
            throw .invalid(ValidationError(field: "comment", reason: .tooLong(max: Self.maxCommentLength)))
        }
        var rejected = self
        rejected.state = .rejected(comment: comment)
        rejected.history.append(ObjectiveEvent(kind: .rejected(comment: comment), by: leder, at: now))
        return rejected
    }

    /// Undoes an approval (local or imported), explicitly and with a reason; the approval stays in the history.
    package func revokeApproval(
        reason rawReason: String, by leder: PersonKey, trainee: Trainee, roles: [RoleAssignment], at now: Date
    ) throws(ObjectiveError) -> ObjectiveProgress {
        guard trainee.id == traineeID else { throw .notYours }
        guard isApproved else { throw .notApproved }
        guard leder != trainee.personKey else { throw .ownSubmission }
        guard holds(leder, .leder, in: roles) else { throw .lederOnly }
        let reason = rawReason.trimmingWhitespace()
        guard !reason.isEmpty else { throw .reasonRequired }
        guard reason.count <= Self.maxCommentLength else {
            throw .invalid(ValidationError(field: "reason", reason: .tooLong(max: Self.maxCommentLength)))
        }
        var revoked = self
        revoked.state = .inProgress
        revoked.history.append(ObjectiveEvent(kind: .approvalRevoked(reason: reason), by: leder, at: now))
        return revoked
    }

    /// Records an approval from another tenant's sealed record; it counts as approved here. The seal is checked
    /// outside Domain before this is called.
    package func importApproval(_ imported: ImportedApproval, at now: Date) throws(ObjectiveError) -> ObjectiveProgress {
        guard imported.objectiveID == objectiveID else { throw .wrongObjective }
        guard !isApproved else { throw .approved }
        let approval = ObjectiveApproval.imported(imported)
        var approved = self
        approved.state = .approved(approval)
        approved.history.append(ObjectiveEvent(kind: .approved(approval), by: nil, at: now))
        return approved
    }

    private func checkDecision(by leder: PersonKey, trainee: Trainee, roles: [RoleAssignment]) throws(ObjectiveError) {
        guard trainee.id == traineeID else { throw .notYours }
        switch state {
        case .approved: throw .approved
        case .notStarted, .inProgress, .rejected: throw .notSubmitted
        case .submitted: break
        }
        guard leder != trainee.personKey else { throw .ownSubmission }
        guard holds(leder, .leder, in: roles) else { throw .lederOnly }
    }

    private func holds(_ person: PersonKey, _ role: Role, in roles: [RoleAssignment]) -> Bool {
        roles.contains { $0.traineeID == traineeID && $0.personKey == person && $0.role == role }
    }
}

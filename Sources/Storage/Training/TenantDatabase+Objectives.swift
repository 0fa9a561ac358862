import Domain
import Foundation
import GRDB

/// Learning objectives: the LIS submits, the leder approves (after consulting the veileder and a supervisor)
/// or rejects, and an approval is undone only by an explicit revocation. Each verb one transaction.
extension TenantDatabase {
    /// The LIS sends an objective of an assigned plan version to the leder.
    package func submitObjective(
        _ objectiveID: ObjectiveID, plan reference: PlanReference, traineeID: UUID, by actor: Principal, at now: Date
    ) async throws -> ObjectiveProgress {
        try await changeObjective(
            objectiveID, plan: reference, traineeID: traineeID, by: actor, operation: .submitObjective,
            verdict: "submitted", at: now
        ) { progress, access in
            try progress.submit(by: access.trainee, at: now)
        }
    }

    /// The leder approves, naming the veileder and the supervisors consulted; both must hold those roles now.
    package func approveObjective(
        _ objectiveID: ObjectiveID, plan reference: PlanReference, traineeID: UUID, consultedVeileder: PersonKey?,
        consultedSupervisors: [PersonKey], by actor: Principal, at now: Date
    ) async throws -> ObjectiveProgress {
        try await changeObjective(
            objectiveID, plan: reference, traineeID: traineeID, by: actor, operation: .approveObjective,
            verdict: "approved", at: now
        ) { progress, access in
            try progress.approve(
                by: actor.personKey, consultedVeileder: consultedVeileder, consultedSupervisors: consultedSupervisors,
                trainee: access.trainee, roles: access.roles, at: now)
        }
    }

    /// The leder rejects (*underkjenner*) with a comment.
    package func rejectObjective(
        _ objectiveID: ObjectiveID, plan reference: PlanReference, traineeID: UUID, comment: String,
        by actor: Principal, at now: Date
    ) async throws -> ObjectiveProgress {
        try await changeObjective(
            objectiveID, plan: reference, traineeID: traineeID, by: actor, operation: .approveObjective,
            verdict: "rejected", at: now
        ) { progress, access in
            try progress.reject(
                comment: comment, by: actor.personKey, trainee: access.trainee, roles: access.roles, at: now)
        }
    }

    /// The leder revokes an approval (local or imported) with a reason; the approval stays in the history.
    package func revokeObjectiveApproval(
        _ objectiveID: ObjectiveID, plan reference: PlanReference, traineeID: UUID, reason: String,
        by actor: Principal, at now: Date
    ) async throws -> ObjectiveProgress {
        try await changeObjective(
            objectiveID, plan: reference, traineeID: traineeID, by: actor, operation: .approveObjective,
            verdict: "approval revoked", at: now
        ) { progress, access in
            try progress.revokeApproval(
                reason: reason, by: actor.personKey, trainee: access.trainee, roles: access.roles, at: now)
        }
    }

    /// Records approvals from another tenant's sealed record, after the API has verified the seal. The LIS
    /// (or their leder) brings the record. Objectives approved here already are left as they are, so
    /// importing the same record twice changes nothing; the changed progress records are returned.
    package func importApprovals(
        _ approvals: [ImportedApproval], traineeID: UUID, by actor: Principal, at now: Date,
        verify: @escaping @Sendable (Trainee) throws -> Void = { _ in }
    ) async throws -> [ObjectiveProgress] {
        try await write { db in
            let (trainee, roles, held) = try TrainingAccess.load(db, traineeID: traineeID, actor: actor)
            try verify(trainee)
            let role = try PermissionTable.authorize(
                held.contains(.lis) ? .submitObjective : .approveObjective, holding: held)
            let access = TrainingAccess(trainee: trainee, roles: roles, actor: actor, role: role)
            var changed: [ObjectiveProgress] = []
            for approval in approvals {
                let id = ObjectiveProgressRecord.id(
                    trainee: traineeID, plan: approval.plan, objective: approval.objectiveID)
                let stored = try ObjectiveProgressRecord.fetchOne(db, key: id.lowercasedText)?.progress()
                if stored?.isApproved == true { continue }
                // The plan version may never have been assigned here (the hospital part's plan, say).
                let current =
                    stored
                    ?? ObjectiveProgress(
                        id: id, traineeID: traineeID, plan: approval.plan, objectiveID: approval.objectiveID,
                        state: .notStarted, history: [])
                let imported = try current.importApproval(approval, at: now)
                try ObjectiveProgressRecord.save(db, imported, previous: stored, at: now)
                try access.log(
                    db, role == .lis ? .submitObjective : .approveObjective,
                    object: TrainingAccess.objectiveObject(approval.objectiveID, approval.plan)
                        + " imported from:\(approval.sourceTenant)",
                    at: now)
                changed.append(imported)
            }
            return changed
        }
    }

    /// Every objective record of the LIS, with history (the caller authorizes the read).
    package func objectiveProgress(traineeID: UUID) throws -> [ObjectiveProgress] {
        try queue.read { db in
            try ObjectiveProgressRecord.filter(Column("traineeId") == traineeID.lowercasedText)
                .order(Column("planKey"), Column("planVersion"), Column("objectiveId")).fetchAll(db)
                .map { try $0.progress() }
        }
    }

    /// Read the LIS, roles and the objective's progress → authorize → decide → write, with the log line; the
    /// first work on a plan starts its assignment.
    private func changeObjective(
        _ objectiveID: ObjectiveID, plan reference: PlanReference, traineeID: UUID, by actor: Principal,
        operation: TraineeOperation, verdict: String, at now: Date,
        decide: @escaping @Sendable (ObjectiveProgress, TraineeReader) throws -> ObjectiveProgress
    ) async throws -> ObjectiveProgress {
        try await changeObjective(
            objectiveID, traineeID: traineeID, by: actor, operation: operation, verdict: verdict, at: now,
            plan: { _ in reference }, decide: decide)
    }

    /// One step on one objective for the engine: after the caller is let in, `plan` picks the plan version
    /// (from the LIS's assignments) and `decide` lets the domain decide, with the LIS and the current role
    /// holders at hand, all in one transaction with the write and the log line.
    package func changeObjective(
        _ objectiveID: ObjectiveID, traineeID: UUID, by actor: Principal, operation: TraineeOperation,
        verdict: String, at now: Date, plan: @escaping @Sendable (TraineeReader) throws -> PlanReference,
        notices: @escaping @Sendable (ObjectiveProgress, TraineeReader) -> [OutgoingMail] = { _, _ in [] },
        decide: @escaping @Sendable (ObjectiveProgress, TraineeReader) throws -> ObjectiveProgress
    ) async throws -> ObjectiveProgress {
        try await write { db in
            let access = try TrainingAccess.check(db, traineeID: traineeID, actor: actor, operation)
            let reader = TraineeReader(db, access)
            let reference = try plan(reader)
            let (assignment, snapshot) = try PlanSnapshot.assigned(db, trainee: traineeID, reference)
            let progress = try ObjectiveProgressRecord.fetchOrOpen(
                db, trainee: access.trainee, plan: snapshot, objective: objectiveID)
            let decided = try decide(progress, reader)
            try ObjectiveProgressRecord.save(db, decided, previous: progress, at: now)
            try PlanAssignmentRecord.start(db, assignment, at: now)
            for mail in notices(decided, reader) { try OutboxRecord(mail, at: now).insert(db) }
            try access.log(
                db, operation, object: TrainingAccess.objectiveObject(objectiveID, reference) + " \(verdict)", at: now)
            return decided
        }
    }
}

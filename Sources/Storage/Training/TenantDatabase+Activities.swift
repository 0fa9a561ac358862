import Domain
import Foundation
import GRDB

/// Learning activities: recorded and sent by the LIS, signed by the person they were sent to. Each verb one
/// transaction: LIS, roles and activity read → authorized → decided in Domain → written with its log line.
extension TenantDatabase {
    /// The LIS records a draft activity against a plan version assigned to them. The first work on a plan
    /// starts the assignment, and an activity for an objective puts that objective in progress.
    package func recordActivity(
        _ content: LearningActivity.Content, plan reference: PlanReference, traineeID: UUID, by actor: Principal,
        id: UUID, at now: Date
    ) async throws -> LearningActivity {
        try await recordActivity(traineeID: traineeID, by: actor, id: id, at: now) { _ in (reference, content) }
    }

    /// The same, with the plan version and the content resolved by the engine inside the transaction, after
    /// the caller is let in (so a person without the permission learns nothing from a validation error).
    /// `attachment`, if given, is stored first in the same transaction, so `resolve` finds it and a refused
    /// activity leaves no file behind.
    package func recordActivity(
        traineeID: UUID, by actor: Principal, id: UUID, at now: Date, attachment: NewAttachment? = nil,
        resolve: @escaping @Sendable (TraineeReader) throws -> (PlanReference, LearningActivity.Content)
    ) async throws -> LearningActivity {
        try await write { db in
            let access = try TrainingAccess.check(db, traineeID: traineeID, actor: actor, .submitActivity)
            if let attachment { try Self.insertAttachment(db, attachment, access: access, at: now) }
            let (reference, content) = try resolve(TraineeReader(db, access))
            let (assignment, plan) = try PlanSnapshot.assigned(db, trainee: traineeID, reference)
            let activity = try LearningActivity.record(content, for: access.trainee, plan: plan, id: id, at: now)
            try LearningActivityRecord(activity, createdAt: now, updatedAt: now).insertNew(db)
            try PlanAssignmentRecord.start(db, assignment, at: now)
            if let objectiveID = activity.objectiveID {
                try ObjectiveProgressRecord.start(
                    db, trainee: access.trainee, plan: plan, objective: objectiveID, by: actor.personKey, at: now)
            }
            try access.log(db, .submitActivity, object: TrainingAccess.object("activity", id) + " recorded", at: now)
            return activity
        }
    }

    /// The LIS replaces the content of a draft, or corrects a rejected activity.
    package func editActivity(
        id: UUID, content: LearningActivity.Content, traineeID: UUID, by actor: Principal, at now: Date
    ) async throws -> LearningActivity {
        try await editActivity(id: id, traineeID: traineeID, by: actor, at: now) { _ in content }
    }

    /// The same, with the new content resolved by the engine inside the transaction.
    package func editActivity(
        id: UUID, traineeID: UUID, by actor: Principal, at now: Date,
        resolve: @escaping @Sendable (TraineeReader) throws -> LearningActivity.Content
    ) async throws -> LearningActivity {
        try await write { db in
            let access = try TrainingAccess.check(db, traineeID: traineeID, actor: actor, .submitActivity)
            let content = try resolve(TraineeReader(db, access))
            let (activity, createdAt) = try LearningActivityRecord.require(db, id: id, trainee: traineeID)
            let (_, plan) = try PlanSnapshot.assigned(db, trainee: traineeID, activity.plan)
            let edited = try activity.edit(content, by: access.trainee, plan: plan, at: now)
            try LearningActivityRecord(edited, createdAt: createdAt, updatedAt: now).update(db)
            if let objectiveID = edited.objectiveID {
                try ObjectiveProgressRecord.start(
                    db, trainee: access.trainee, plan: plan, objective: objectiveID, by: actor.personKey, at: now)
            }
            try access.log(db, .submitActivity, object: TrainingAccess.object("activity", id) + " edited", at: now)
            return edited
        }
    }

    /// The LIS sends the activity for signature to a named person in the role the plan requires.
    package func submitActivity(
        id: UUID, to person: PersonKey, role: ActivitySigner, traineeID: UUID, by actor: Principal, at now: Date
    ) async throws -> LearningActivity {
        try await submitActivity(id: id, traineeID: traineeID, by: actor, at: now) { _ in (person, role) }
    }

    /// The same, with the addressee chosen by the engine inside the transaction from the current role holders.
    /// `notices` are the e-mails the step sends (the addressee's notice), queued in the same transaction.
    package func submitActivity(
        id: UUID, traineeID: UUID, by actor: Principal, at now: Date,
        addressee: @escaping @Sendable (TraineeReader) throws -> (PersonKey, ActivitySigner),
        notices: @escaping @Sendable (LearningActivity, TraineeReader) -> [OutgoingMail] = { _, _ in [] }
    ) async throws -> LearningActivity {
        try await write { db in
            let access = try TrainingAccess.check(db, traineeID: traineeID, actor: actor, .submitActivity)
            let (person, role) = try addressee(TraineeReader(db, access))
            let (activity, createdAt) = try LearningActivityRecord.require(db, id: id, trainee: traineeID)
            let submitted = try activity.submit(to: person, as: role, by: access.trainee, roles: access.roles, at: now)
            try LearningActivityRecord(submitted, createdAt: createdAt, updatedAt: now).update(db)
            for mail in notices(submitted, TraineeReader(db, access)) { try OutboxRecord(mail, at: now).insert(db) }
            try access.log(
                db, .submitActivity, object: TrainingAccess.object("activity", id) + " submitted to:\(role.rawValue)",
                at: now)
            return submitted
        }
    }

    /// The addressee signs (approves) the activity.
    package func approveActivity(
        id: UUID, traineeID: UUID, by actor: Principal, at now: Date,
        notices: @escaping @Sendable (LearningActivity, TraineeReader) -> [OutgoingMail] = { _, _ in [] }
    ) async throws
        -> LearningActivity
    {
        try await decideActivity(
            id: id, traineeID: traineeID, by: actor, verdict: "approved", at: now, notices: notices
        ) {
            activity, access in
            try activity.approve(by: actor.personKey, trainee: access.trainee, roles: access.roles, at: now)
        }
    }

    /// The addressee rejects the activity with a comment the LIS can act on.
    package func rejectActivity(
        id: UUID, comment: String, traineeID: UUID, by actor: Principal, at now: Date,
        notices: @escaping @Sendable (LearningActivity, TraineeReader) -> [OutgoingMail] = { _, _ in [] }
    ) async throws -> LearningActivity {
        try await decideActivity(
            id: id, traineeID: traineeID, by: actor, verdict: "rejected", at: now, notices: notices
        ) {
            activity, access in
            try activity.reject(
                comment: comment, by: actor.personKey, trainee: access.trainee, roles: access.roles, at: now)
        }
    }

    /// The LIS's activities, newest first (the caller authorizes the read).
    package func activities(traineeID: UUID) throws -> [LearningActivity] {
        try queue.read { db in
            try LearningActivityRecord.filter(Column("traineeId") == traineeID.lowercasedText)
                .order(Column("createdAt").desc, Column("id")).fetchAll(db).map { try $0.activity() }
        }
    }

    /// The activities waiting for `person`'s signature, across the LIS of this tenant, oldest first.
    package func activitiesAwaitingSignature(by person: PersonKey) throws -> [LearningActivity] {
        try queue.read { db in
            try LearningActivityRecord.filter(Column("submittedTo") == person.hex && Column("state") == "submitted")
                .order(Column("updatedAt"), Column("id")).fetchAll(db).map { try $0.activity() }
        }
    }

    private func decideActivity(
        id: UUID, traineeID: UUID, by actor: Principal, verdict: String, at now: Date,
        notices: @escaping @Sendable (LearningActivity, TraineeReader) -> [OutgoingMail],
        decide: @escaping @Sendable (LearningActivity, TrainingAccess) throws -> LearningActivity
    ) async throws -> LearningActivity {
        try await write { db in
            let access = try TrainingAccess.check(db, traineeID: traineeID, actor: actor, .signActivity)
            let (activity, createdAt) = try LearningActivityRecord.require(db, id: id, trainee: traineeID)
            let decided = try decide(activity, access)
            try LearningActivityRecord(decided, createdAt: createdAt, updatedAt: now).update(db)
            for mail in notices(decided, TraineeReader(db, access)) { try OutboxRecord(mail, at: now).insert(db) }
            try access.log(db, .signActivity, object: TrainingAccess.object("activity", id) + " \(verdict)", at: now)
            return decided
        }
    }
}

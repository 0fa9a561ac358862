import Domain
import Foundation
import GRDB

/// Supervision talks: the veileder creates and finalises them, the LIS and the veileder write in them, and
/// only those two read what was written. Each change one transaction with its log line.
extension TenantDatabase {
    package func createTalk(
        traineeID: UUID, date: CalendarDate, topic: String, by actor: Principal, id: UUID, at now: Date,
        notices: @escaping @Sendable (SupervisionTalk, TraineeReader) -> [OutgoingMail] = { _, _ in [] }
    ) async throws -> SupervisionTalk {
        try await write { db in
            let access = try TrainingAccess.check(db, traineeID: traineeID, actor: actor, .createTalk)
            let talk = try SupervisionTalk.plan(
                for: access.trainee, by: actor.personKey, roles: access.roles, date: date, topic: topic, id: id, at: now
            )
            try SupervisionTalkRecord(talk, updatedAt: now).insert(db)
            for mail in notices(talk, TraineeReader(db, access)) { try OutboxRecord(mail, at: now).insert(db) }
            try access.log(db, .createTalk, object: TrainingAccess.object("talk", id) + " created", at: now)
            return talk
        }
    }

    /// The veileder moves the talk or changes its topic.
    package func rescheduleTalk(
        id: UUID, traineeID: UUID, date: CalendarDate, topic: String, by actor: Principal, at now: Date
    ) async throws -> SupervisionTalk {
        try await changeTalk(
            id: id, traineeID: traineeID, by: actor, operation: .createTalk, verdict: "rescheduled", at: now
        ) {
            talk, access in
            try talk.reschedule(
                date: date, topic: topic, by: actor.personKey, trainee: access.trainee, roles: access.roles)
        }
    }

    package func writeTalkPreparation(
        id: UUID, traineeID: UUID, text: String, by actor: Principal, at now: Date
    ) async throws -> SupervisionTalk {
        try await changeTalk(
            id: id, traineeID: traineeID, by: actor, operation: .writeTalk, verdict: "preparation written", at: now
        ) { talk, access in
            try talk.writePreparation(text, by: actor.personKey, trainee: access.trainee, roles: access.roles)
        }
    }

    package func writeTalkMinutes(
        id: UUID, traineeID: UUID, text: String, by actor: Principal, at now: Date
    ) async throws -> SupervisionTalk {
        try await changeTalk(
            id: id, traineeID: traineeID, by: actor, operation: .writeTalk, verdict: "minutes written", at: now
        ) { talk, access in
            try talk.writeMinutes(text, by: actor.personKey, trainee: access.trainee, roles: access.roles)
        }
    }

    /// Only the veileder finalises; after that the talk never changes (also enforced by a trigger).
    package func finaliseTalk(
        id: UUID, traineeID: UUID, by actor: Principal, at now: Date
    ) async throws
        -> SupervisionTalk
    {
        try await changeTalk(
            id: id, traineeID: traineeID, by: actor, operation: .finaliseTalk, verdict: "finalised", at: now
        ) {
            talk, access in
            try talk.finalise(by: actor.personKey, trainee: access.trainee, roles: access.roles, at: now)
        }
    }

    /// The LIS's talks, newest first, as `caller` may see them (`talkBook`).
    package func talks(traineeID: UUID, for caller: Principal, at now: Date) async throws -> [VisibleTalk] {
        try await talkBook(traineeID: traineeID, for: caller, at: now).talks
    }

    /// The LIS's talks, newest first, as `caller` may see them: with preparation and minutes when a role they
    /// hold allows `readTalkMinutes` (the LIS, the veileder), with dates, topics and states only when it
    /// allows just `readProgressReport` (the leder); with the LIS and the roles the caller holds, so a page
    /// can offer only what the caller may do. A read by anyone but the LIS is logged, in the same
    /// transaction as the read.
    package func talkBook(traineeID: UUID, for caller: Principal, at now: Date) async throws -> TalkBook {
        try await write { db in
            let (trainee, roles, held) = try TrainingAccess.load(db, traineeID: traineeID, actor: caller)
            let showingText = (try? PermissionTable.authorize(.readTalkMinutes, holding: held)) != nil
            let operation: TraineeOperation = showingText ? .readTalkMinutes : .readProgressReport
            let role = try PermissionTable.authorize(operation, holding: held)
            let talks = try SupervisionTalkRecord.filter(Column("traineeId") == traineeID.lowercasedText)
                .order(Column("date").desc, Column("createdAt").desc).fetchAll(db).map { try $0.talk() }
            try TrainingAccess(trainee: trainee, roles: roles, actor: caller, role: role)
                .log(db, operation, object: showingText ? "talks with minutes" : "talks without minutes", at: now)
            return TalkBook(
                trainee: trainee, talks: talks.map { VisibleTalk($0, showingText: showingText) }, held: held)
        }
    }

    private func changeTalk(
        id: UUID, traineeID: UUID, by actor: Principal, operation: TraineeOperation, verdict: String, at now: Date,
        decide: @escaping @Sendable (SupervisionTalk, TrainingAccess) throws -> SupervisionTalk
    ) async throws -> SupervisionTalk {
        try await write { db in
            let access = try TrainingAccess.check(db, traineeID: traineeID, actor: actor, operation)
            let talk = try SupervisionTalkRecord.require(db, id: id, trainee: traineeID)
            let changed = try decide(talk, access)
            try SupervisionTalkRecord(changed, updatedAt: now).update(db)
            try access.log(db, operation, object: TrainingAccess.object("talk", id) + " \(verdict)", at: now)
            return changed
        }
    }
}

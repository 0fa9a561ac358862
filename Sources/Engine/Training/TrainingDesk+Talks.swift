import Domain
import Foundation
import Storage

/// Supervision talks: the veileder plans and finalises; the LIS and the veileder write; the leder sees that
/// talks took place, never what was said.
extension TrainingDesk {
    /// The LIS's talks as the caller may see them (with or without preparation and minutes).
    package func talks(_ caller: TenantCaller, trainee: UUID) async throws -> [VisibleTalk] {
        try await engine.store.withDatabase(caller.tenant.id) { database in
            try await database.talks(traineeID: trainee, for: caller.principal, at: engine.now())
        }
    }

    /// The LIS's talks as the caller may see them, with the LIS and what the caller may do (the talks page).
    package func talkBook(_ caller: TenantCaller, trainee: UUID) async throws -> TalkBook {
        try await engine.store.withDatabase(caller.tenant.id) { database in
            try await database.talkBook(traineeID: trainee, for: caller.principal, at: engine.now())
        }
    }

    /// The veileder plans a talk.
    package func createTalk(_ caller: TenantCaller, trainee: UUID, date rawDate: String, topic: String) async throws
        -> SupervisionTalk
    {
        let date = try CalendarDate(iso: rawDate, field: "date")
        let notice = notices(caller)
        let talk = try await engine.store.withDatabase(caller.tenant.id) { database in
            try await database.createTalk(
                traineeID: trainee, date: date, topic: topic, by: caller.principal, id: engine.newID(), at: engine.now()
            ) { _, reader in notice.talkPlanned(on: date, reader: reader) }
        }
        engine.mail.tenant(caller.tenant.id)
        return talk
    }

    /// The LIS or the veileder writes the preparation.
    package func writeTalkPreparation(_ caller: TenantCaller, trainee: UUID, talk: UUID, text: String) async throws
        -> SupervisionTalk
    {
        try await engine.store.withDatabase(caller.tenant.id) { database in
            try await database.writeTalkPreparation(
                id: talk, traineeID: trainee, text: text, by: caller.principal, at: engine.now())
        }
    }

    /// The LIS or the veileder writes the minutes.
    package func writeTalkMinutes(_ caller: TenantCaller, trainee: UUID, talk: UUID, text: String) async throws
        -> SupervisionTalk
    {
        try await engine.store.withDatabase(caller.tenant.id) { database in
            try await database.writeTalkMinutes(id: talk, traineeID: trainee, text: text, by: caller.principal, at: engine.now())
        }
    }

    /// The veileder finalises; nothing in the talk changes afterwards.
    package func finaliseTalk(_ caller: TenantCaller, trainee: UUID, talk: UUID) async throws -> SupervisionTalk {
        try await engine.store.withDatabase(caller.tenant.id) { database in
            try await database.finaliseTalk(id: talk, traineeID: trainee, by: caller.principal, at: engine.now())
        }
    }
}

import struct Foundation.Date
import struct Foundation.UUID

/// The talk state machine. Who may act is decided from the roles held for the LIS now, so a veileder who has
/// been replaced can no longer write in or finalise the LIS's talks.
extension SupervisionTalk {
    package static func plan(
        for trainee: Trainee, by veileder: PersonKey, roles: [RoleAssignment], date: CalendarDate, topic rawTopic: String,
        id: UUID, at now: Date
    ) throws(TalkError) -> SupervisionTalk {
        guard isVeileder(veileder, of: trainee, in: roles) else { throw .veilederOnly }
        let topic = try validTopic(rawTopic)
        return SupervisionTalk(
            id: id, traineeID: trainee.id, createdBy: veileder, createdAt: now, date: date, topic: topic,
            preparation: nil, minutes: nil, state: .planned, lastWrittenBy: nil, finalisedBy: nil, finalisedAt: nil)
    }

    /// The veileder moves the talk or changes its topic.
    package func reschedule(
        date: CalendarDate, topic rawTopic: String, by person: PersonKey, trainee: Trainee, roles: [RoleAssignment]
    ) throws(TalkError) -> SupervisionTalk {
        guard state != .finalised else { throw .finalised }
        guard Self.isVeileder(person, of: trainee, in: roles), trainee.id == traineeID else { throw .veilederOnly }
        var moved = self
        moved.date = date
        moved.topic = try Self.validTopic(rawTopic)
        return moved
    }

    /// The LIS or the veileder writes the preparation. A talk with minutes keeps its state.
    package func writePreparation(_ text: String, by person: PersonKey, trainee: Trainee, roles: [RoleAssignment])
        throws(TalkError) -> SupervisionTalk
    {
        try checkWriter(person, trainee: trainee, roles: roles)
        var written = self
        written.preparation = try Self.validText(text, field: "preparation")
        if state == .planned { written.state = .prepared }
        written.lastWrittenBy = person
        return written
    }

    /// The LIS or the veileder writes the minutes (*referat*).
    package func writeMinutes(_ text: String, by person: PersonKey, trainee: Trainee, roles: [RoleAssignment])
        throws(TalkError) -> SupervisionTalk
    {
        try checkWriter(person, trainee: trainee, roles: roles)
        var written = self
        written.minutes = try Self.validText(text, field: "minutes")
        written.state = .minutesWritten
        written.lastWrittenBy = person
        return written
    }

    /// Only the veileder finalises (*ferdigstiller*), and only a talk with minutes whose day has come: a
    /// finalised talk counts as held in the progress report. The day has come once it has begun anywhere
    /// (`CalendarDate.latestBegun`), the same rule as for an activity's date.
    package func finalise(by person: PersonKey, trainee: Trainee, roles: [RoleAssignment], at now: Date)
        throws(TalkError) -> SupervisionTalk
    {
        guard state != .finalised else { throw .finalised }
        guard trainee.id == traineeID, Self.isVeileder(person, of: trainee, in: roles) else { throw .veilederOnly }
        guard state == .minutesWritten else { throw .minutesRequired }
        guard date <= CalendarDate.latestBegun(at: now) else { throw .futureDate(date) }
        var finalised = self
        finalised.state = .finalised
        finalised.finalisedBy = person
        finalised.finalisedAt = now
        return finalised
    }

    private func checkWriter(_ person: PersonKey, trainee: Trainee, roles: [RoleAssignment]) throws(TalkError) {
        guard state != .finalised else { throw .finalised }
        guard trainee.id == traineeID,
            person == trainee.personKey || Self.isVeileder(person, of: trainee, in: roles)
        else { throw .notAParticipant }
    }

    private static func isVeileder(_ person: PersonKey, of trainee: Trainee, in roles: [RoleAssignment]) -> Bool {
        person != trainee.personKey
            && roles.contains { $0.traineeID == trainee.id && $0.personKey == person && $0.role == .veileder }
    }

    private static func validTopic(_ raw: String) throws(TalkError) -> String {
        let topic = raw.trimmingWhitespace()
        guard !topic.isEmpty else { throw .invalid(ValidationError(field: "topic", reason: .missing)) }
        guard topic.count <= maxTopicLength else {
            throw .invalid(ValidationError(field: "topic", reason: .tooLong(max: maxTopicLength)))
        }
        return topic
    }

    private static func validText(_ raw: String, field: String) throws(TalkError) -> String {
        let text = raw.trimmingWhitespace()
        guard !text.isEmpty else { throw .invalid(ValidationError(field: field, reason: .missing)) }
        guard text.count <= maxTextLength else {
            throw .invalid(ValidationError(field: field, reason: .tooLong(max: maxTextLength)))
        }
        return text
    }
}

import Foundation
import Testing

@testable import Domain

@Suite struct SupervisionTalkTests {
    typealias F = TrainingFixture

    /// Dated the day before `F.now`, so that it can be finalised then.
    static func planned(on date: String = "2027-01-14") throws -> SupervisionTalk {
        try SupervisionTalk.plan(
            for: F.trainee, by: F.veileder, roles: F.roles, date: try F.date(date), topic: "  Akuttmedisin  ",
            id: UUID(), at: F.now)
    }

    @Test("The veileder plans a talk; the LIS prepares; minutes are written; the veileder finalises")
    func aTalkRunsItsCourse() throws {
        let planned = try Self.planned()
        #expect(planned.state == .planned)
        #expect(planned.topic == "Akuttmedisin")
        let prepared = try planned.writePreparation("Mine spørsmål", by: F.lis, trainee: F.trainee, roles: F.roles)
        #expect(prepared.state == .prepared)
        let minuted = try prepared.writeMinutes("Vi snakket om triage", by: F.veileder, trainee: F.trainee, roles: F.roles)
        #expect(minuted.state == .minutesWritten)
        let stillMinuted = try minuted.writePreparation("Tillegg", by: F.lis, trainee: F.trainee, roles: F.roles)
        #expect(stillMinuted.state == .minutesWritten)
        let finalised = try minuted.finalise(by: F.veileder, trainee: F.trainee, roles: F.roles, at: F.now)
        #expect(finalised.state == .finalised)
        #expect(finalised.finalisedBy == F.veileder)
        #expect(finalised.finalisedAt == F.now)
    }

    @Test("Only the veileder creates a talk")
    func onlyTheVeilederCreates() throws {
        for person in [F.lis, F.leder, F.supervisor] {
            #expect(throws: TalkError.veilederOnly) {
                try SupervisionTalk.plan(
                    for: F.trainee, by: person, roles: F.roles, date: try F.date("2027-02-01"), topic: "Tema", id: UUID(),
                    at: F.now)
            }
        }
    }

    @Test("Only the veileder finalises, and only once minutes are written")
    func onlyTheVeilederFinalises() throws {
        let planned = try Self.planned()
        #expect(throws: TalkError.minutesRequired) {
            try planned.finalise(by: F.veileder, trainee: F.trainee, roles: F.roles, at: F.now)
        }
        let minuted = try planned.writeMinutes("Referat", by: F.lis, trainee: F.trainee, roles: F.roles)
        #expect(throws: TalkError.veilederOnly) {
            try minuted.finalise(by: F.lis, trainee: F.trainee, roles: F.roles, at: F.now)
        }
        #expect(throws: TalkError.veilederOnly) {
            try minuted.finalise(by: F.leder, trainee: F.trainee, roles: F.roles, at: F.now)
        }
    }

    @Test("A talk dated in the future cannot be finalised until its day has begun, since it would count as held")
    func aFutureTalkIsFinalisedOnlyOnItsDay() throws {
        let minuted = try Self.planned(on: "2027-02-01").writeMinutes(
            "Referat skrevet på forhånd", by: F.veileder, trainee: F.trainee, roles: F.roles)
        #expect(throws: TalkError.futureDate(try F.date("2027-02-01"))) {
            try minuted.finalise(by: F.veileder, trainee: F.trainee, roles: F.roles, at: F.now)
        }
        // 2027-01-31T09:59:59Z: a second before 1 February begins at UTC+14.
        let dayBefore = Date(timeIntervalSince1970: 1_801_389_599)
        #expect(throws: TalkError.futureDate(try F.date("2027-02-01"))) {
            try minuted.finalise(by: F.veileder, trainee: F.trainee, roles: F.roles, at: dayBefore)
        }
        let onTheDay = dayBefore.addingTimeInterval(1)
        #expect(try minuted.finalise(by: F.veileder, trainee: F.trainee, roles: F.roles, at: onTheDay).isFinalised)
        let today = try Self.planned(on: F.today.iso).writeMinutes(
            "Referat", by: F.veileder, trainee: F.trainee, roles: F.roles)
        #expect(try today.finalise(by: F.veileder, trainee: F.trainee, roles: F.roles, at: F.now).isFinalised)
        #expect(TalkError.futureDate(try F.date("2027-02-01")).code == "talk.future-date")
        #expect(TalkError.futureDate(try F.date("2027-02-01")).category == .conflict)
    }

    @Test("Only the LIS and the veileder write in a talk")
    func onlyParticipantsWrite() throws {
        let planned = try Self.planned()
        #expect(throws: TalkError.notAParticipant) {
            try planned.writePreparation("Hei", by: F.supervisor, trainee: F.trainee, roles: F.roles)
        }
        #expect(throws: TalkError.notAParticipant) {
            try planned.writeMinutes("Hei", by: F.leder, trainee: F.trainee, roles: F.roles)
        }
    }

    @Test("After finalising nothing changes")
    func aFinalisedTalkIsFrozen() throws {
        let finalised = try Self.planned().writeMinutes("Referat", by: F.veileder, trainee: F.trainee, roles: F.roles)
            .finalise(by: F.veileder, trainee: F.trainee, roles: F.roles, at: F.now)
        #expect(throws: TalkError.finalised) {
            try finalised.writeMinutes("Endret", by: F.veileder, trainee: F.trainee, roles: F.roles)
        }
        #expect(throws: TalkError.finalised) {
            try finalised.writePreparation("Endret", by: F.lis, trainee: F.trainee, roles: F.roles)
        }
        #expect(throws: TalkError.finalised) {
            try finalised.finalise(by: F.veileder, trainee: F.trainee, roles: F.roles, at: F.now)
        }
        #expect(throws: TalkError.finalised) {
            try finalised.reschedule(
                date: try F.date("2027-03-01"), topic: "Nytt", by: F.veileder, trainee: F.trainee, roles: F.roles)
        }
        #expect(TalkError.finalised.code == "talk.finalised")
    }

    @Test("Topic is required and at most 200 characters; texts at most 20,000")
    func lengthsAreValidated() throws {
        #expect(throws: TalkError.invalid(ValidationError(field: "topic", reason: .missing))) {
            try SupervisionTalk.plan(
                for: F.trainee, by: F.veileder, roles: F.roles, date: try F.date("2027-02-01"), topic: " ", id: UUID(),
                at: F.now)
        }
        #expect(throws: TalkError.invalid(ValidationError(field: "topic", reason: .tooLong(max: 200)))) {
            try SupervisionTalk.plan(
                for: F.trainee, by: F.veileder, roles: F.roles, date: try F.date("2027-02-01"),
                topic: String(repeating: "å", count: 201), id: UUID(), at: F.now)
        }
        let planned = try Self.planned()
        #expect(throws: TalkError.invalid(ValidationError(field: "minutes", reason: .tooLong(max: 20_000)))) {
            try planned.writeMinutes(String(repeating: "x", count: 20_001), by: F.veileder, trainee: F.trainee, roles: F.roles)
        }
        let long = try planned.writePreparation(String(repeating: "x", count: 20_000), by: F.lis, trainee: F.trainee, roles: F.roles)
        #expect(long.preparation?.count == 20_000)
    }
}

import Domain
import Foundation
import TestSupport
import Testing

@testable import API

/// A finalised talk counts as held in the progress report, so a talk dated in the future is not finalised
/// before its day.
@Suite struct TalkDateTests {
    @Test func aTalkDatedNextWeekIsRefusedUntilItsDayAndOnlyThenCountsAsHeld() async throws {
        let f = try await TrainingFixture()
        try await f.bringInEveryone()
        let veileder = try #require(f.tokens[.veileder])
        let nextWeek = f.app.clock.now.addingTimeInterval(7 * 86_400).isoDay
        let talk = try await f.call(
            f.base + "/talks", .post, veileder, #"{"date":"\#(nextWeek)","topic":"Neste samtale"}"#)
        #expect(talk.status == .created)
        let id = try #require(talk.body["id"] as? String)
        let minutes = try await f.call(
            f.base + "/talks/\(id)/minutes", .put, veileder, #"{"text":"Skrevet på forhånd"}"#)
        #expect(minutes.status == .ok)

        let early = try await f.call(f.base + "/talks/\(id)/finalise", .post, veileder)
        #expect(early.status == .conflict)
        #expect(early.problem?.code == "talk.future-date")
        #expect(early.problem?.detail?.contains(nextWeek) == true)
        #expect(early.problem?.message?.contains("fram i tid") == true)
        let report = try await f.call(f.base + "/progress", .get, f.lis)
        #expect(report.body["talksHeld"] as? Int == 0)
        #expect(report.body["talksOpen"] as? Int == 1)

        // A week later the talk has been held; new tokens, since those of the fixture are short-lived.
        f.app.clock.advance(by: 7 * 86_400)
        let (_, subject, pid, name) = try #require(TrainingFixture.people.first { $0.0 == .veileder })
        let later = try await f.app.token(subject: subject, pid: pid, name: name)
        let finalised = try await f.call(f.base + "/talks/\(id)/finalise", .post, later)
        #expect(finalised.status == .ok)
        #expect(finalised.body["state"] as? String == "finalised")
        let held = try await f.call(f.base + "/progress", .get, try await f.app.token())
        #expect(held.body["talksHeld"] as? Int == 1)
    }
}

import Domain
import Engine
import Foundation
import Testing

@testable import API

/// A planned talk is told to the LIS by e-mail with its date and a link, never its topic.
@Suite struct TalkNoticeTests {
    @Test func theLISIsToldOfAPlannedTalkWithoutItsTopic() async throws {
        let fixture = try await WorkFixture()
        let date = fixture.app.clock.now.addingTimeInterval(7 * 86_400).isoDay
        _ = try await fixture.app.services.engine.training.createTalk(
            try WorkFixture.caller(fixture.app, .vera), trainee: fixture.invitations.trainee.id, date: date,
            topic: "Hemmelig tema om en pasient")
        let notice = try #require(try await fixture.mails().first {
            $0.to == "lise@example.no" && $0.body.contains("har planlagt en veiledningssamtale")
        })
        #expect(notice.body.contains("Vera Veileder har planlagt en veiledningssamtale med deg"))
        #expect(notice.body.contains("/samtaler"))
        #expect(!notice.body.contains("Hemmelig"))
    }
}

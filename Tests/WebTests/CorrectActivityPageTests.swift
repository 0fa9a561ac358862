import Domain
import Engine
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import TestSupport
import Testing

@testable import API

/// A rejected activity: the LIS sees the comment, corrects it (refused for a future date), and sends it again.
@Suite struct CorrectActivityPageTests {
    @Test func theLISCorrectsARejectedActivityAndSendsItAgain() async throws {
        let fixture = try await WorkFixture()
        let app = fixture.app
        let trainee = fixture.invitations.trainee.id
        _ = try await app.services.engine.training.rejectActivity(
            try WorkFixture.caller(app, .sindre), trainee: trainee, activity: fixture.activity.id,
            comment: "Mangler hvilken prosedyre")
        let lise = try await app.session(.lise)
        let page = "/virksomhet/kommune-0301/meg/laeringsmal/lis1-kommune/DEL1-001"
        let id = fixture.activity.id.uuidString.lowercased()
        try await app.test { client in
            try await client.execute(uri: page, method: .get, headers: .session(lise)) {
                #expect($0.text.contains("Avvist av Sindre Supervisør: Mangler hvilken prosedyre"))
                #expect($0.text.contains("Rett dato eller notat"))
            }
            let tomorrow = app.clock.now.addingTimeInterval(2 * 86_400).isoDay
            let future = try await fixture.post(
                client, page + "/aktivitet/\(id)/rett", "utfort-\(id)=\(tomorrow)&notat-\(id)=Suturering", session: lise,
                page: page)
            #expect(future.status == .badRequest)
            #expect(future.text.contains(##"<a href="#utfort-\##(id)">"##))
            #expect(future.text.contains("Suturering"))
            let corrected = try await fixture.post(
                client, page + "/aktivitet/\(id)/rett", "utfort-\(id)=\(app.clock.now.isoDay)&notat-\(id)=Suturering+av+kuttskade",
                session: lise, page: page)
            #expect(corrected.status == .seeOther)
            let supervisor = try #require(fixture.holders[.supervisor]).id.uuidString.lowercased()
            let sent = try await fixture.post(client, page + "/aktivitet/\(id)/send", "til=\(supervisor)", session: lise, page: page)
            #expect(sent.status == .seeOther)
        }
        let activities = try await app.services.engine.training.activities(
            try WorkFixture.caller(app, .lise), trainee: trainee
        ).activities
        let activity = try #require(activities.first { $0.id == fixture.activity.id })
        #expect(activity.content.note == "Suturering av kuttskade")
        guard case .submitted = activity.state else {
            Issue.record("the corrected activity was not sent again")
            return
        }
    }
}

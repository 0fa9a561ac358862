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

/// `/varsler`: a person turns a kind of e-mail notice off, and then gets none of that kind.
@Suite struct NoticeSettingsTests {
    @Test func aSupervisorWhoTurnsSigningNoticesOffGetsNoneButTheOthersStillGo() async throws {
        let fixture = try await WorkFixture()
        let sindre = try await fixture.app.session(.sindre)
        try await fixture.app.test { client in
            try await client.execute(uri: "/varsler", method: .get, headers: .session(sindre)) {
                #expect($0.status == .ok)
                #expect($0.text.contains(#"id="varsel-activity-to-sign" name="varsel" value="activity-to-sign" checked"#))
            }
            // Everything but signing notices stays on.
            let saved = try await fixture.post(
                client, "/varsler", "varsel=objective-to-approve&varsel=decision&varsel=talk-planned", session: sindre,
                page: "/varsler")
            #expect(saved.status == .seeOther)
            try await client.execute(uri: "/varsler?lagret=1", method: .get, headers: .session(sindre)) {
                #expect($0.text.contains("Valgene dine er lagret."))
                #expect($0.text.contains(#"value="activity-to-sign">"#))
                #expect($0.text.contains(#"value="decision" checked"#))
            }
        }
        let before = try await fixture.mails().filter { $0.to == "sindre@oslo.kommune.no" }.count
        let lise = try WorkFixture.caller(fixture.app, .lise)
        let trainee = fixture.invitations.trainee.id
        let second = try await fixture.app.services.engine.training.recordActivity(
            lise, trainee: trainee,
            ActivityInput(
                planKey: "lis1-kommune", objectiveID: "DEL1-001", recommendation: 0, alternative: nil,
                performedOn: fixture.app.clock.now.isoDay, note: "Igjen", attachmentSha256: nil))
        _ = try await fixture.app.services.engine.training.submitActivity(
            lise, trainee: trainee, activity: second.id,
            signerAssignment: try #require(fixture.holders[.supervisor]).id.uuidString.lowercased())
        #expect(try await fixture.mails().filter { $0.to == "sindre@oslo.kommune.no" }.count == before)
        // The leder still hears of an objective: his notices are his own.
        _ = try await fixture.app.services.engine.training.approveActivity(
            try WorkFixture.caller(fixture.app, .sindre), trainee: trainee, activity: second.id)
        _ = try await fixture.app.services.engine.training.submitObjective(
            lise, trainee: trainee, objective: "DEL1-001", planKey: "lis1-kommune")
        #expect(try await fixture.mails().contains { $0.to == "lars@oslo.kommune.no" && $0.body.contains("til-godkjenning") })
    }
}

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

/// An approval is undone only with a reason, on the objective's page, by the leder.
@Suite struct RevokeApprovalPageTests {
    @Test func theLederRevokesAnApprovalOnlyWithAReason() async throws {
        let fixture = try await WorkFixture()
        let app = fixture.app
        let trainee = fixture.invitations.trainee.id
        let lise = try WorkFixture.caller(app, .lise)
        _ = try await app.services.engine.training.approveActivity(
            try WorkFixture.caller(app, .sindre), trainee: trainee, activity: fixture.activity.id)
        _ = try await app.services.engine.training.submitObjective(
            lise, trainee: trainee, objective: "DEL1-001", planKey: "lis1-kommune")
        _ = try await app.services.engine.training.approveObjective(
            try WorkFixture.caller(app, .lars), trainee: trainee, objective: "DEL1-001", planKey: "lis1-kommune",
            consultedVeileder: try #require(fixture.holders[.veileder]).id.uuidString.lowercased(),
            consultedSupervisors: [try #require(fixture.holders[.supervisor]).id.uuidString.lowercased()])
        let lars = try await app.session(.lars)
        let vera = try await app.session(.vera)
        let page = "/virksomhet/kommune-0301/lis/\(trainee.uuidString.lowercased())/laeringsmal/lis1-kommune/DEL1-001"
        try await app.test { client in
            try await client.execute(uri: page, method: .get, headers: .session(vera)) {
                #expect(!$0.text.contains("Trekk tilbake godkjenningen"))
            }
            try await client.execute(uri: page, method: .get, headers: .session(lars)) {
                #expect($0.text.contains("Trekk tilbake godkjenningen"))
            }
            let empty = try await fixture.post(client, page + "/trekk-tilbake", "begrunnelse=", session: lars, page: page)
            #expect(empty.status == .badRequest)
            #expect(empty.text.contains(##"<a href="#begrunnelse">"##))
            let revoked = try await fixture.post(
                client, page + "/trekk-tilbake", "begrunnelse=Feil+l%C3%A6ringsm%C3%A5l", session: lars, page: page)
            #expect(revoked.status == .seeOther)
            #expect(revoked.headers[.location] == page + "?utfort=trukket")
        }
        let progress = try await app.services.engine.training.objectives(lise, trainee: trainee).progress
        #expect(progress.first { $0.objectiveID.rawValue == "DEL1-001" }?.isApproved == false)
    }
}

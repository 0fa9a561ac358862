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

/// The work lists: the supervisør's «Til signering» (reached from the e-mail notice and the start page)
/// and the leder's «Til godkjenning» with the consulted people chosen by name.
@Suite struct WorkPagesTests {
    @Test func theSupervisorIsToldByEmailAndSignsFromTheList() async throws {
        let fixture = try await WorkFixture()
        let sindre = try await fixture.app.session(.sindre)
        // The notice: to the supervisør's address, naming the LIS and what waits, never the note.
        let notice = try #require(try await fixture.mails().first { $0.to == "sindre@oslo.kommune.no" && $0.body.contains("til-signering") })
        #expect(notice.body.contains("Lise Lege har sendt en læringsaktivitet til deg i Kompetanseportal (Oslo)"))
        #expect(notice.body.contains("/til-signering"))
        #expect(!notice.body.contains("Hemmelig"))

        try await fixture.app.test { client in
            try await client.execute(uri: "/start", method: .get, headers: .session(sindre)) {
                #expect($0.text.contains(#"<a href="/til-signering">1 læringsaktivitet venter på din signatur</a>"#))
            }
            try await client.execute(uri: "/til-signering", method: .get, headers: .session(sindre)) {
                #expect($0.status == .ok)
                #expect($0.headers[.cacheControl] == "no-store")
                #expect($0.text.contains("Lise Lege: Prosedyre"))
                #expect($0.text.contains("DEL1-001 Akutte tilstander"))
                #expect($0.text.contains("Hemmelig notat om pasienten"))
            }
            let base = "/til-signering/kommune-0301/\(fixture.invitations.trainee.id.uuidString.lowercased())/\(fixture.activity.id.uuidString.lowercased())"
            // An empty comment is refused at the field; the activity still waits.
            let refused = try await fixture.post(client, base + "/avvis", "kommentar=", session: sindre, page: "/til-signering")
            #expect(refused.status == .badRequest)
            let field = "kommentar-\(fixture.activity.id.uuidString.lowercased())"
            #expect(refused.text.contains(##"<a href="#\##(field)">"##))
            #expect(refused.text.contains("Skriv hva legen må rette"))
            let approved = try await fixture.post(client, base + "/godkjenn", "", session: sindre, page: "/til-signering")
            #expect(approved.status == .seeOther)
            #expect(approved.headers[.location] == "/til-signering?utfort=godkjent")
            try await client.execute(uri: "/til-signering?utfort=godkjent", method: .get, headers: .session(sindre)) {
                #expect($0.text.contains("Aktiviteten er godkjent."))
                #expect($0.text.contains("Ingen aktiviteter venter på din signatur nå."))
            }
        }
        let lise = try WorkFixture.caller(fixture.app, .lise)
        let activities = try await fixture.app.services.engine.training.activities(
            lise, trainee: fixture.invitations.trainee.id)
        #expect(activities.activities.first?.isApproved == true)
        // The list was a read of Lise's data by Sindre: it is in her access log.
        let log = try await fixture.app.services.engine.people.accessLog(lise, trainee: fixture.invitations.trainee.id)
        #expect(log.contains { $0.actorName == "Sindre Supervisør" && $0.object == "activities awaiting signature" })
        // Lise is told, at her address.
        #expect(try await fixture.mails().contains {
            $0.to == "lise@example.no" && $0.body.contains("Sindre Supervisør har godkjent en læringsaktivitet")
        })
    }

    @Test func theLederApprovesNamingTheConsultedPeopleByName() async throws {
        let fixture = try await WorkFixture()
        let app = fixture.app
        let trainee = fixture.invitations.trainee.id
        let lise = try WorkFixture.caller(app, .lise)
        _ = try await app.services.engine.training.approveActivity(
            try WorkFixture.caller(app, .sindre), trainee: trainee, activity: fixture.activity.id)
        _ = try await app.services.engine.training.submitObjective(
            lise, trainee: trainee, objective: "DEL1-001", planKey: "lis1-kommune")
        let lars = try await app.session(.lars)
        #expect(try await fixture.mails().contains {
            $0.to == "lars@oslo.kommune.no" && $0.body.contains("/virksomhet/kommune-0301/til-godkjenning")
        })
        let objective = "/virksomhet/kommune-0301/lis/\(trainee.uuidString.lowercased())/laeringsmal/lis1-kommune/DEL1-001"
        try await app.test { client in
            try await client.execute(uri: "/start", method: .get, headers: .session(lars)) {
                #expect($0.text.contains("1 læringsmål venter på din godkjenning"))
            }
            try await client.execute(uri: "/virksomhet/kommune-0301/til-godkjenning", method: .get, headers: .session(lars)) {
                #expect($0.text.contains(#"<a href="\#(objective)">DEL1-001 Akutte tilstander</a>"#))
            }
            try await client.execute(uri: objective, method: .get, headers: .session(lars)) {
                #expect($0.status == .ok)
                #expect($0.text.contains("Godkjent av Sindre Supervisør"))
                #expect($0.text.contains(#"<label for="veileder">Vera Veileder</label>"#))
                #expect($0.text.contains(#"<label for="supervisor">Sindre Supervisør</label>"#))
            }
            let veileder = try #require(fixture.holders[.veileder]).id.uuidString.lowercased()
            let supervisor = try #require(fixture.holders[.supervisor]).id.uuidString.lowercased()
            // Without a supervisør: refused at the field, the choice kept, nothing approved.
            let refused = try await fixture.post(
                client, objective + "/godkjenn", "veileder=\(veileder)", session: lars, page: objective)
            #expect(refused.status == .badRequest)
            #expect(refused.text.contains(##"<a href="#supervisor">"##))
            #expect(refused.text.contains(#"value="\#(veileder)" checked"#))
            let emptyComment = try await fixture.post(client, objective + "/underkjenn", "kommentar=", session: lars, page: objective)
            #expect(emptyComment.status == .badRequest)
            #expect(emptyComment.text.contains("Skriv hvorfor læringsmålet underkjennes"))
            let approved = try await fixture.post(
                client, objective + "/godkjenn", "veileder=\(veileder)&supervisor=\(supervisor)", session: lars,
                page: objective)
            #expect(approved.status == .seeOther)
            #expect(approved.headers[.location] == "/virksomhet/kommune-0301/til-godkjenning?utfort=godkjent")
        }
        let progress = try await app.services.engine.training.objectives(lise, trainee: trainee).progress
        #expect(progress.first { $0.objectiveID.rawValue == "DEL1-001" }?.isApproved == true)
        #expect(try await fixture.mails().contains {
            $0.to == "lise@example.no" && $0.body.contains("Lars Leder har godkjent et læringsmål")
        })
    }

    @Test func someoneWhoIsNotTheLISsLederCannotApprove() async throws {
        let fixture = try await WorkFixture()
        let app = fixture.app
        let trainee = fixture.invitations.trainee.id
        _ = try await app.services.engine.training.submitObjective(
            try WorkFixture.caller(app, .lise), trainee: trainee, objective: "DEL1-001", planKey: "lis1-kommune")
        let vera = try await app.session(.vera)
        let objective = "/virksomhet/kommune-0301/lis/\(trainee.uuidString.lowercased())/laeringsmal/lis1-kommune/DEL1-001"
        try await app.test { client in
            try await client.execute(uri: "/virksomhet/kommune-0301/til-godkjenning", method: .get, headers: .session(vera)) {
                #expect($0.text.contains("Ingen læringsmål venter på din godkjenning nå."))
            }
            try await client.execute(uri: objective, method: .get, headers: .session(vera)) {
                #expect(!$0.text.contains("/godkjenn"))
            }
            let supervisor = try #require(fixture.holders[.supervisor]).id.uuidString.lowercased()
            let veileder = try #require(fixture.holders[.veileder]).id.uuidString.lowercased()
            let refused = try await fixture.post(
                client, objective + "/godkjenn", "veileder=\(veileder)&supervisor=\(supervisor)", session: vera,
                page: "/start")
            #expect(refused.status == .forbidden || refused.status == .notFound)
        }
        let progress = try await app.services.engine.training.objectives(
            try WorkFixture.caller(app, .lise), trainee: trainee
        ).progress
        #expect(progress.first { $0.objectiveID.rawValue == "DEL1-001" }?.isApproved == false)
    }
}

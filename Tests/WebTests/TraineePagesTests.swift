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

/// The LIS's own pages: registering, «Min side» with plans and people, inviting, and an objective's page
/// where activities are recorded and sent to a person chosen by name.
@Suite struct TraineePagesTests {
    @Test func aDoctorRegistersInAnOpenKommuneAndLandsOnTheirPage() async throws {
        let journey = try SignerJourney()
        let app = journey.app
        try await app.services.registry.openForTests(
            Fixtures.tenantID("kommune-0301"), provisioner: app.services.provisioner, seal: app.services.seal,
            at: app.clock.now)
        let lise = try await app.session(.lise)
        try await app.test { client in
            try await client.execute(uri: "/lis/registrer", method: .get) {
                #expect($0.status == .seeOther)
            }
            let page = try await client.execute(uri: "/lis/registrer", method: .get, headers: .session(lise)) { $0.text }
            #expect(page.contains(#"<option value="kommune-0301">Oslo</option>"#))
            #expect(!page.contains(#"<option value="kommune-4601">"#))
            let csrf = try #require(csrfToken(in: page))
            try await client.execute(
                uri: "/lis/registrer", method: .post, headers: .form(session: lise),
                body: ByteBuffer(string: "csrf=\(csrf)&virksomhet=kommune-0301&email=lise%40example.no")
            ) {
                #expect($0.status == .badRequest)
                #expect($0.text.contains(##"<a href="#programme-lis1">Utdanning: Velg utdanningsløpet ditt.</a>"##))
                #expect($0.text.contains(#"value="lise@example.no""#))
            }
            // A tenant without an agreement in force is refused; nothing is registered.
            try await client.execute(
                uri: "/lis/registrer", method: .post, headers: .form(session: lise),
                body: ByteBuffer(string: "csrf=\(csrf)&virksomhet=kommune-4601&programme=lis1")
            ) { #expect($0.status == .forbidden || $0.status == .badRequest) }
            try await client.execute(
                uri: "/lis/registrer", method: .post, headers: .form(session: lise),
                body: ByteBuffer(string: "csrf=\(csrf)&virksomhet=kommune-0301&programme=lis1&email=lise%40example.no")
            ) {
                #expect($0.status == .seeOther)
                #expect($0.headers[.location] == "/virksomhet/kommune-0301/meg?registrert=1")
            }
            try await client.execute(uri: "/virksomhet/kommune-0301/meg?registrert=1", method: .get, headers: .session(lise)) {
                #expect($0.status == .ok)
                #expect($0.text.contains("Du er registrert som lege i spesialisering i Oslo."))
                #expect($0.text.contains("Lege i spesialisering, LIS1."))
                #expect($0.text.contains("Du har ingen utdanningsplan ennå."))
            }
        }
    }

    @Test func theLISSeesTheirPlanAndPeopleAndInvitesByEmail() async throws {
        let fixture = try await WorkFixture()
        let lise = try await fixture.app.session(.lise)
        try await fixture.app.test { client in
            try await client.execute(uri: "/virksomhet/kommune-0301/meg", method: .get, headers: .session(lise)) {
                let html = $0.text
                #expect(html.contains("<h3>LIS1 kommune (testkatalog)</h3>"))
                #expect(html.contains("0 av 2 læringsmål er godkjent."))
                #expect(html.contains(#"<a href="/virksomhet/kommune-0301/meg/laeringsmal/lis1-kommune/DEL1-001">DEL1-001 Akutte tilstander</a>"#))
                #expect(html.contains("<tr><td>Leder</td><td>Lars Leder</td></tr>"))
                #expect(html.contains("<tr><td>Supervisør</td><td>Sindre Supervisør</td></tr>"))
            }
            let page = "/virksomhet/kommune-0301/meg"
            let refused = try await fixture.post(
                client, page + "/inviter", "role=supervisor&email=ikke-en-adresse", session: lise, page: page)
            #expect(refused.status == .badRequest)
            #expect(refused.text.contains(##"<a href="#email">"##))
            #expect(refused.text.contains(#"value="ikke-en-adresse""#))
            let taken = try await fixture.post(
                client, page + "/inviter", "role=leder&email=ny%40oslo.kommune.no", session: lise, page: page)
            #expect(taken.status == .badRequest)
            let invited = try await fixture.post(
                client, page + "/inviter", "role=supervisor&email=sofie%40oslo.kommune.no", session: lise, page: page)
            #expect(invited.status == .seeOther)
            let html = try await client.execute(uri: page, method: .get, headers: .session(lise)) { $0.text }
            #expect(html.contains("supervisør: sofie@oslo.kommune.no"))
            // Sent again: a new link, the first one ends.
            let firstToken = try #require(try await fixture.invitations.token(sentTo: "sofie@oslo.kommune.no"))
            let resend = try #require(
                html.range(of: #"/virksomhet/kommune-0301/meg/invitasjoner/[0-9a-f-]+/send-igjen"#, options: .regularExpression))
            let resent = try await fixture.post(client, String(html[resend]), "", session: lise, page: page)
            #expect(resent.status == .seeOther)
            try await client.execute(uri: RoleInvitationFixture.link(firstToken), method: .get) {
                #expect($0.status == .gone)
            }
            let refreshed = try await client.execute(uri: page, method: .get, headers: .session(lise)) { $0.text }
            let revoke = try #require(
                refreshed.range(of: #"/virksomhet/kommune-0301/meg/invitasjoner/[0-9a-f-]+/trekk"#, options: .regularExpression))
            let revoked = try await fixture.post(client, String(refreshed[revoke]), "", session: lise, page: page)
            #expect(revoked.status == .seeOther)
            #expect(revoked.headers[.location] == page + "?trukket=1")
        }
        #expect(try await fixture.invitations.token(sentTo: "sofie@oslo.kommune.no") != nil)
    }

    @Test func anActivityIsRecordedAndSentToASupervisorChosenByName() async throws {
        let fixture = try await WorkFixture()
        let lise = try await fixture.app.session(.lise)
        let page = "/virksomhet/kommune-0301/meg/laeringsmal/lis1-kommune/DEL1-002"
        try await fixture.app.test { client in
            let tomorrow = fixture.app.clock.now.addingTimeInterval(2 * 86_400).isoDay
            let future = try await fixture.post(
                client, page + "/aktivitet", "valg=0&utfort=\(tomorrow)&notat=Samtale", session: lise, page: page)
            #expect(future.status == .badRequest)
            #expect(future.text.contains(##"<a href="#utfort">"##))
            #expect(future.text.contains("Samtale"))
            let noChoice = try await fixture.post(
                client, page + "/aktivitet", "utfort=\(fixture.app.clock.now.isoDay)", session: lise, page: page)
            #expect(noChoice.status == .badRequest)
            #expect(noChoice.text.contains("Velg hvilken aktivitet du har gjennomført."))
            let recorded = try await fixture.post(
                client, page + "/aktivitet", "valg=0&utfort=\(fixture.app.clock.now.isoDay)&notat=Samtale+om+kommunikasjon",
                session: lise, page: page)
            #expect(recorded.status == .seeOther)
            let html = try await client.execute(uri: page, method: .get, headers: .session(lise)) { $0.text }
            // DEL1-002's activity is signed by the veileder: the choice offers Vera by name, nobody else.
            #expect(html.contains("Send til signering hos veilederen din"))
            #expect(html.contains(">Vera Veileder</option>"))
            #expect(!html.contains(">Sindre Supervisør</option>"))
            let send = try #require(
                html.range(of: #"/virksomhet/kommune-0301/meg/laeringsmal/lis1-kommune/DEL1-002/aktivitet/[0-9a-f-]+/send"#, options: .regularExpression))
            let veileder = try #require(fixture.holders[.veileder]).id.uuidString.lowercased()
            let sent = try await fixture.post(client, String(html[send]), "til=\(veileder)", session: lise, page: page)
            #expect(sent.status == .seeOther)
            #expect(sent.headers[.location] == page + "?utfort=sendt")
            let objective = try await fixture.post(client, page + "/send", "", session: lise, page: page)
            #expect(objective.status == .seeOther)
            try await client.execute(uri: page + "?utfort=maal-sendt", method: .get, headers: .session(lise)) {
                #expect($0.text.contains("Sendt til godkjenning"))
                #expect(!$0.text.contains("Send læringsmålet til lederen"))
            }
        }
        #expect(try await fixture.mails().contains { $0.to == "vera@oslo.kommune.no" && $0.body.contains("/til-signering") })
        #expect(try await fixture.mails().contains {
            $0.to == "lars@oslo.kommune.no" && $0.body.contains("/virksomhet/kommune-0301/til-godkjenning")
        })
    }
}

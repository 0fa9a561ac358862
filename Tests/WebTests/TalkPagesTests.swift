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

/// Supervision talks as pages: the veileder plans and finalises, the LIS and the veileder write, the leder
/// sees only that talks took place, a supervisør finds no page at all; refusals at the field, nothing written.
@Suite struct TalkPagesTests {
    static func talksPath(_ fixture: WorkFixture) -> String {
        "/virksomhet/kommune-0301/lis/\(fixture.invitations.trainee.id.uuidString.lowercased())/samtaler"
    }

    /// The LIS's talks as the LIS sees them (with text), through the engine.
    static func talks(_ fixture: WorkFixture) async throws -> [VisibleTalk] {
        try await fixture.app.services.engine.training.talks(
            try WorkFixture.caller(fixture.app, .lise), trainee: fixture.invitations.trainee.id)
    }

    @Test func theVeilederPlansBothWriteAndOnlyTheVeilederFinalises() async throws {
        let fixture = try await WorkFixture()
        let (vera, lise) = (try await fixture.app.session(.vera), try await fixture.app.session(.lise))
        let page = Self.talksPath(fixture)
        let today = fixture.app.clock.now.isoDay
        try await fixture.app.test { client in
            try await client.execute(uri: page, method: .get, headers: .session(vera)) {
                #expect($0.status == .ok)
                #expect($0.headers[.cacheControl] == "no-store")
                #expect($0.text.contains("<h1>Veiledningssamtaler</h1>"))
                #expect($0.text.contains(#"<label for="dato">Dato</label>"#))
                #expect($0.text.contains(#"<label for="tema">Tema</label>"#))
            }
            let planned = try await fixture.post(
                client, page, "dato=\(today)&tema=Kommunikasjon+med+p%C3%A5r%C3%B8rende", session: vera, page: page)
            #expect(planned.status == .seeOther)
            let talk = try #require(try await Self.talks(fixture).first)
            let id = talk.id.uuidString.lowercased()
            #expect(planned.headers[.location] == page + "?utfort=planlagt#samtale-\(id)")
            #expect(talk.topic == "Kommunikasjon med pårørende")

            // The LIS plans nothing and finalises nothing, but writes.
            try await client.execute(uri: page, method: .get, headers: .session(lise)) {
                #expect($0.text.contains("Kommunikasjon med pårørende"))
                #expect(!$0.text.contains("Planlegg samtalen"))
                #expect($0.text.contains(#"<label for="forberedelse-\#(id)">Forberedelse</label>"#))
            }
            let prepared = try await fixture.post(
                client, page + "/\(id)/forberedelse", "forberedelse=Jeg+vil+snakke+om+vakter", session: lise, page: page)
            #expect(prepared.status == .seeOther)
            let minutes = try await fixture.post(
                client, page + "/\(id)/referat", "referat=Vi+ble+enige+om+en+plan", session: vera, page: page)
            #expect(minutes.status == .seeOther)
            try await client.execute(uri: page, method: .get, headers: .session(lise)) {
                #expect($0.text.contains("Jeg vil snakke om vakter"))
                #expect($0.text.contains("Vi ble enige om en plan"))
                #expect(!$0.text.contains("Ferdigstill samtalen"))
            }
            let byLIS = try await fixture.post(client, page + "/\(id)/ferdigstill", "", session: lise, page: page)
            #expect(byLIS.status == .notFound)
            #expect(try await Self.talks(fixture).first?.state == .minutesWritten)

            let finalised = try await fixture.post(client, page + "/\(id)/ferdigstill", "", session: vera, page: page)
            #expect(finalised.status == .seeOther)
            #expect(finalised.headers[.location] == page + "?utfort=ferdigstilt#samtale-\(id)")
            // Old talks stay readable for both, with no form left to change them.
            for session in [lise, vera] {
                try await client.execute(uri: page, method: .get, headers: .session(session)) {
                    #expect($0.text.contains("Vi ble enige om en plan"))
                    #expect($0.text.contains("Ferdigstilt"))
                    #expect(!$0.text.contains("/\(id)/referat"))
                }
            }
        }
        #expect(try await Self.talks(fixture).first?.state == .finalised)
    }

    @Test func refusalsAreShownAtTheFieldWithWhatWasTypedAndNothingIsWritten() async throws {
        let fixture = try await WorkFixture()
        let vera = try await fixture.app.session(.vera)
        let page = Self.talksPath(fixture)
        let today = fixture.app.clock.now.isoDay
        let future = fixture.app.clock.now.addingTimeInterval(10 * 86_400).isoDay
        try await fixture.app.test { client in
            // An empty topic: at the field, the date kept, no talk.
            let noTopic = try await fixture.post(client, page, "dato=\(today)&tema=", session: vera, page: page)
            #expect(noTopic.status == .badRequest)
            #expect(noTopic.text.contains("<title>Feil: "))
            #expect(noTopic.text.contains(##"<a href="#tema">Tema: Skriv temaet for samtalen.</a>"##))
            #expect(noTopic.text.contains(#"value="\#(today)""#))
            #expect(noTopic.text.contains(#"aria-invalid="true""#))
            // A date that does not exist: at the date field.
            let badDate = try await fixture.post(client, page, "dato=31.02.2026&tema=Vakter", session: vera, page: page)
            #expect(badDate.status == .badRequest)
            #expect(badDate.text.contains(##"<a href="#dato">"##))
            #expect(badDate.text.contains(#"value="Vakter""#))
            #expect(try await Self.talks(fixture).isEmpty)

            // Finalising a talk dated in the future: refused at the finalise button, still open.
            _ = try await fixture.post(client, page, "dato=\(future)&tema=Neste+m%C3%A5ned", session: vera, page: page)
            let later = try #require(try await Self.talks(fixture).first).id.uuidString.lowercased()
            _ = try await fixture.post(client, page + "/\(later)/referat", "referat=Skrevet+p%C3%A5+forh%C3%A5nd", session: vera, page: page)
            let early = try await fixture.post(client, page + "/\(later)/ferdigstill", "", session: vera, page: page)
            #expect(early.status == .conflict)
            #expect(early.text.contains(##"<a href="#ferdigstill-\##(later)">"##))
            #expect(early.text.contains("fram i tid"))
            #expect(try await Self.talks(fixture).first { $0.id.uuidString.lowercased() == later }?.state == .minutesWritten)

            // Editing a finalised talk: refused at the field, what was typed kept, the minutes unchanged.
            _ = try await fixture.post(client, page, "dato=\(today)&tema=I+dag", session: vera, page: page)
            let held = try #require(try await Self.talks(fixture).first { $0.topic == "I dag" }).id.uuidString.lowercased()
            _ = try await fixture.post(client, page + "/\(held)/referat", "referat=Det+vi+sa", session: vera, page: page)
            _ = try await fixture.post(client, page + "/\(held)/ferdigstill", "", session: vera, page: page)
            let edited = try await fixture.post(
                client, page + "/\(held)/referat", "referat=Endret+etterp%C3%A5", session: vera, page: page)
            #expect(edited.status == .conflict)
            #expect(edited.text.contains(##"<a href="#referat-\##(held)">Referat: Samtalen er avsluttet og kan ikke endres.</a>"##))
            #expect(edited.text.contains("Endret etterpå</textarea>"))
            // An empty text: at the field.
            let empty = try await fixture.post(client, page + "/\(later)/forberedelse", "forberedelse=", session: vera, page: page)
            #expect(empty.status == .badRequest)
            #expect(empty.text.contains(##"<a href="#forberedelse-\##(later)">"##))
        }
        let talks = try await Self.talks(fixture)
        #expect(talks.first { $0.topic == "I dag" }?.text?.minutes == "Det vi sa")
        #expect(talks.first { $0.topic == "Neste måned" }?.text?.preparation == nil)
        #expect(talks.count == 2)
    }

    @Test func theLederSeesThatTalksTookPlaceButNeverTheirTextOnAnyPage() async throws {
        let fixture = try await WorkFixture()
        let app = fixture.app
        let trainee = fixture.invitations.trainee.id
        let veileder = try WorkFixture.caller(app, .vera)
        let talk = try await app.services.engine.training.createTalk(
            veileder, trainee: trainee, date: app.clock.now.isoDay, topic: "Vaktarbeid")
        _ = try await app.services.engine.training.writeTalkPreparation(
            veileder, trainee: trainee, talk: talk.id, text: "Forberedelse som er privat")
        _ = try await app.services.engine.training.writeTalkMinutes(
            veileder, trainee: trainee, talk: talk.id, text: "Referat som er privat")
        _ = try await app.services.engine.training.finaliseTalk(veileder, trainee: trainee, talk: talk.id)
        let lars = try await app.session(.lars)
        let page = Self.talksPath(fixture)
        let progress = "/virksomhet/kommune-0301/lis/\(trainee.uuidString.lowercased())/fremdrift"
        try await app.test { client in
            try await client.execute(uri: page, method: .get, headers: .session(lars)) {
                #expect($0.status == .ok)
                #expect($0.text.contains("<td>Vaktarbeid</td>"))
                #expect($0.text.contains("Ferdigstilt"))
                #expect(!$0.text.contains("privat"))
                #expect(!$0.text.contains("<textarea"))
                #expect(!$0.text.contains("Planlegg samtalen"))
            }
            for uri in [
                "/virksomhet/kommune-0301/mine-lis", "/virksomhet/kommune-0301/mine-lis/csv", progress,
                progress + "/utskrift", progress + "/csv", "/start", "/virksomhet/kommune-0301/til-godkjenning",
            ] {
                try await client.execute(uri: uri, method: .get, headers: .session(lars)) {
                    #expect($0.status == .ok, "\(uri)")
                    #expect(!$0.text.contains("privat"), "\(uri)")
                }
            }
            // Writing is not the leder's: the page that is not there, nothing written.
            let refused = try await fixture.post(
                client, page + "/\(talk.id.uuidString.lowercased())/referat", "referat=Lederens+tekst", session: lars,
                page: page)
            #expect(refused.status == .notFound)
        }
        let lise = try WorkFixture.caller(app, .lise)
        #expect(try await app.services.engine.training.talks(lise, trainee: trainee).first?.text?.minutes == "Referat som er privat")
        let log = try await app.services.engine.people.accessLog(lise, trainee: trainee)
        #expect(log.contains { $0.actorName == "Lars Leder" && $0.object == "talks without minutes" })
    }

    @Test func aSupervisorGetsThePageThatIsNotThere() async throws {
        let fixture = try await WorkFixture()
        let sindre = try await fixture.app.session(.sindre)
        let page = Self.talksPath(fixture)
        let progress = "/virksomhet/kommune-0301/lis/\(fixture.invitations.trainee.id.uuidString.lowercased())/fremdrift"
        try await fixture.app.test { client in
            for uri in [page, progress, progress + "/csv", progress + "/utskrift", page.replacingOccurrences(of: "lis/", with: "lis/x")] {
                try await client.execute(uri: uri, method: .get, headers: .session(sindre)) {
                    #expect($0.status == .notFound, "\(uri)")
                    #expect($0.text.contains("Vi finner ikke siden"), "\(uri)")
                }
            }
            let planned = try await fixture.post(
                client, page, "dato=\(fixture.app.clock.now.isoDay)&tema=Supervisjon", session: sindre, page: "/start")
            #expect(planned.status == .notFound)
        }
        #expect(try await Self.talks(fixture).isEmpty)
    }

    @Test func aTopicWithMarkupIsShownAsText() async throws {
        let fixture = try await WorkFixture()
        let vera = try await fixture.app.session(.vera)
        let lars = try await fixture.app.session(.lars)
        let page = Self.talksPath(fixture)
        try await fixture.app.test { client in
            let planned = try await fixture.post(
                client, page, "dato=\(fixture.app.clock.now.isoDay)&tema=%3Cscript%3Ealert(1)%3C%2Fscript%3E",
                session: vera, page: page)
            #expect(planned.status == .seeOther)
            for session in [vera, lars] {
                try await client.execute(uri: page, method: .get, headers: .session(session)) {
                    #expect($0.text.contains("&lt;script&gt;alert(1)&lt;&#47;script&gt;") || $0.text.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
                    #expect(!$0.text.contains("<script>"))
                }
            }
        }
    }
}

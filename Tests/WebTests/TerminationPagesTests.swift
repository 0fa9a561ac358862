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

/// The end of Bergen's agreement through the pages: terminate from a notice date, then (after it) the data
/// returned and deleted, each with its sealed statement.
@Suite struct TerminationPagesTests {
    static let path = "/virksomhet/kommune-4601/avslutning"

    /// Posts a form of the termination page with the page's CSRF token.
    static func post(
        _ client: some TestClientProtocol, _ action: String, _ fields: String, session: String
    ) async throws -> TestResponse {
        let page = try await client.execute(uri: path, method: .get, headers: .session(session)) { $0.text }
        let csrf = try #require(csrfToken(in: page))
        return try await client.execute(
            uri: path + "/" + action, method: .post, headers: .form(session: session),
            body: ByteBuffer(string: "csrf=\(csrf)" + (fields.isEmpty ? "" : "&" + fields))
        ) { $0 }
    }

    @Test func aRefusedNoticeDateIsShownAtTheFieldAndNothingIsTerminated() async throws {
        let journey = try SignerJourney()
        let session = try await journey.app.session(.rita)
        try await journey.app.test { client in
            try await journey.putInForce(client, session: session)
            try await client.execute(uri: Self.path, method: .get, headers: .session(session)) { response in
                #expect(response.status == .ok)
                #expect(response.text.contains("<h1>Avslutte avtalen for Bergen</h1>"))
                #expect(response.text.contains(#"<input type="date" id="varslingsdato" name="varslingsdato""#))
            }
            let cases: [(String, String)] = [
                ("varslingsdato=", "Skriv datoen avtalen skal opphøre."),
                ("varslingsdato=01.01.2020", "Oppsigelsesdatoen kan ikke være tilbake i tid."),
                ("varslingsdato=2020-01-01", "Oppsigelsesdatoen kan ikke være tilbake i tid."),
                ("varslingsdato=01.02.2099", "Oppsigelsesdatoen må være innen ett år fra i dag."),
                ("varslingsdato=31.02.2030", "varslingsdato"),
                ("varslingsdato=i+morgen", "varslingsdato"),
            ]
            for (fields, message) in cases {
                let refused = try await Self.post(client, "si-opp", fields, session: session)
                #expect(refused.status == .badRequest, "\(fields)")
                #expect(refused.text.contains(##"<a href="#varslingsdato">"##), "\(fields)")
                #expect(refused.text.contains(message) || message == "varslingsdato", "\(fields)")
                #expect(refused.text.contains(#"aria-invalid="true""#), "\(fields)")
            }
        }
        let tenant = try journey.app.services.registry.requireTenant(Fixtures.tenantID(SignerJourney.tenant))
        #expect(tenant.status == .active)
        #expect(tenant.closesAt == nil)
    }

    @Test func terminationThenReturnThenDeletionEachEndInASealedStatement() async throws {
        let journey = try SignerJourney()
        let session = try await journey.app.session(.rita)
        let registry = journey.app.services.registry
        try await journey.app.test { client in
            try await journey.putInForce(client, session: session)
            let noticeDate = journey.app.clock.now.addingTimeInterval(30 * 86_400).isoDay
            let terminated = try await Self.post(
                client, "si-opp", "varslingsdato=\(noticeDate)&begrunnelse=Ny+leverand%C3%B8r", session: session)
            #expect(terminated.status == .seeOther)
            #expect(terminated.headers[.location] == Self.path + "?utfort=sagt-opp")
            try await client.execute(uri: Self.path + "?utfort=sagt-opp", method: .get, headers: .session(session)) {
                #expect($0.text.contains("Avtalen er sagt opp. Alle LIS og ledere"))
                #expect($0.text.contains("Portalen stenger for virksomhetens brukere"))
                #expect(!$0.text.contains("/avslutning/sletting"))
            }
            // Return or deletion before the notice date is refused by the engine; nothing happens.
            let early = try await Self.post(client, "tilbakelevering", "", session: session)
            #expect(early.status == .conflict)

            journey.app.clock.advance(by: 31 * 86_400)
            // A new login: the one from a month ago has ended.
            let later = try await journey.app.session(.rita)
            try await client.execute(uri: Self.path, method: .get, headers: .session(later)) {
                #expect($0.text.contains("Virksomheten har 0 LIS i portalen. Alle har hentet dokumentasjonen sin"))
                #expect($0.text.contains(#"action="/virksomhet/kommune-4601/avslutning/tilbakelevering""#))
            }
            let returned = try await Self.post(client, "tilbakelevering", "", session: later)
            #expect(returned.status == .seeOther)
            try await client.execute(uri: Self.path + "/eksport/export.json", method: .get, headers: .session(later)) {
                #expect($0.status == .ok)
                #expect($0.headers[.contentDisposition] == #"attachment; filename="kommune-4601-export.json""#)
                #expect($0.text.hasPrefix("{"))
            }
            try await client.execute(uri: Self.path + "/eksport/annet", method: .get, headers: .session(later)) {
                #expect($0.status == .notFound)
            }

            let wrongCount = try await Self.post(client, "sletting", "bekreft-antall=5", session: later)
            #expect(wrongCount.status == .conflict || wrongCount.status == .badRequest)
            #expect(wrongCount.text.contains(##"<a href="#bekreft-antall">"##))
            let notANumber = try await Self.post(client, "sletting", "bekreft-antall=null", session: later)
            #expect(notANumber.status == .badRequest)
            #expect(notANumber.text.contains("Skriv antallet LIS som ikke har hentet dokumentasjonen sin, med sifre."))
            #expect(try registry.requireTenant(Fixtures.tenantID(SignerJourney.tenant)).isProvisioned)

            let deleted = try await Self.post(client, "sletting", "bekreft-antall=0", session: later)
            #expect(deleted.status == .seeOther)
            let page = try await client.execute(uri: Self.path + "?utfort=slettet", method: .get, headers: .session(later)) {
                $0.text
            }
            #expect(page.contains("Dataene er slettet, og erklæringen om sletting er forseglet"))
            #expect(page.contains("Erklæring om tilbakelevering"))
            #expect(page.contains("Erklæring om sletting"))
            #expect(!page.contains("/eksport/"))
            let link = try #require(
                page.range(of: #"/virksomhet/kommune-4601/avslutning/erklaering/[0-9a-f-]+"#, options: .regularExpression))
            try await client.execute(uri: String(page[link]), method: .get, headers: .session(later)) { response in
                #expect(response.status == .ok)
                guard case .valid = journey.app.services.engine.verifySealedFile(Data(response.text.utf8)) else {
                    Issue.record("the downloaded statement does not verify")
                    return
                }
            }
        }
        #expect(!(try registry.requireTenant(Fixtures.tenantID(SignerJourney.tenant)).isProvisioned))
    }

    @Test func anotherPersonGetsThe404PageAndCannotTerminate() async throws {
        let journey = try SignerJourney()
        let rita = try await journey.app.session(.rita)
        let lise = try await journey.app.session(.lise)
        try await journey.app.test { client in
            try await journey.putInForce(client, session: rita)
            try await client.execute(uri: Self.path, method: .get, headers: .session(lise)) {
                #expect($0.status == .notFound)
            }
            let page = try await client.execute(uri: "/start", method: .get, headers: .session(lise)) { $0.text }
            let csrf = try #require(csrfToken(in: page))
            try await client.execute(
                uri: Self.path + "/si-opp", method: .post, headers: .form(session: lise),
                body: ByteBuffer(string: "csrf=\(csrf)&varslingsdato=2099-01-01")
            ) { #expect($0.status == .notFound) }
        }
        #expect(try journey.app.services.registry.requireTenant(Fixtures.tenantID(SignerJourney.tenant)).status == .active)
    }
}

import Domain
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import TestSupport
import Testing

@testable import API

/// The signer's e-mail link, acceptance, and the agreement page with signing at security level 4.
@Suite struct SignerPagesTests {
    @Test func theLinkSaysWhoInvitesWhomToWhatAndAsksToLogInFirst() async throws {
        let journey = try SignerJourney()
        let token = try await journey.invite()
        try await journey.app.test { client in
            try await client.execute(uri: "/kontaktperson/godta?tenant=kommune-4601&token=\(token)", method: .get) {
                response in
                #expect(response.status == .ok)
                #expect(response.headers[.cacheControl] == "no-store")
                #expect(
                    response.text.contains(
                        "har oppgitt <strong>Rita Rådmann</strong> som den som kan signere databehandleravtalen for <strong>Bergen</strong>"
                    ))
                #expect(
                    response.text.contains(
                        #"href="/logg-inn?neste=/kontaktperson/godta%3Ftenant%3Dkommune-4601%26token%3D"#))
                #expect(!response.text.contains("<form method=\"post\" action=\"/kontaktperson/godta\""))
            }
        }
    }

    @Test func theLoggedInPersonAcceptsWithOneButtonAndTheLinkIsThenUsed() async throws {
        let journey = try SignerJourney()
        let token = try await journey.invite()
        let session = try await journey.app.session(.rita)
        try await journey.app.test { client in
            try await journey.accept(client, token: token, session: session)
            try await client.execute(uri: "/kontaktperson/godta?tenant=kommune-4601&token=\(token)", method: .get) {
                response in
                #expect(response.status == .conflict)
                #expect(response.text.contains("Invitasjonen er allerede brukt"))
            }
            try await client.execute(uri: "/virksomhet", method: .get, headers: .session(session)) { response in
                #expect(response.text.contains(#"<a href="/virksomhet/kommune-4601/avtale">Bergen</a>"#))
            }
        }
    }

    @Test func anUnknownOrForeignTokenAndAnExpiredOneSayWhatHappened() async throws {
        let journey = try SignerJourney()
        let token = try await journey.invite()
        try await journey.app.test { client in
            for uri in [
                "/kontaktperson/godta?tenant=kommune-4601&token=made-up",
                "/kontaktperson/godta?tenant=kommune-0301&token=\(token)",
                "/kontaktperson/godta",
            ] {
                try await client.execute(uri: uri, method: .get) { response in
                    #expect(response.status == .notFound, "\(uri)")
                    #expect(response.text.contains("Vi finner ikke invitasjonen"))
                    #expect(response.text.contains("Sjekk at du har brukt hele lenken fra e-posten."))
                }
            }
            journey.app.clock.advance(by: 15 * 86_400)
            try await client.execute(uri: "/kontaktperson/godta?tenant=kommune-4601&token=\(token)", method: .get) {
                response in
                #expect(response.status == .gone)
                #expect(response.text.contains("Invitasjonen er utløpt"))
                #expect(response.text.contains("Be brukerstøtte om å sende deg en ny invitasjon."))
            }
        }
    }

    @Test func theAgreementPageShowsStatusTextVersionAndHashAndSigningNeedsLevel4() async throws {
        let journey = try SignerJourney()
        let token = try await journey.invite()
        let level4 = try await journey.app.session(.rita)
        let level3 = try await journey.app.session(.rita, level: .level3)
        let version = try journey.currentVersion
        try await journey.app.test { client in
            try await journey.accept(client, token: token, session: level4)
            try await client.execute(uri: journey.agreementPath, method: .get, headers: .session(level3)) { response in
                #expect(response.status == .ok)
                let html = response.text
                #expect(html.contains("<h1>Databehandleravtale for Bergen</h1>"))
                #expect(html.contains(#"<span class="tag ">Ingen avtale</span>"#))
                #expect(html.contains("<dt>Avtaleversjon</dt><dd>\(version)</dd>"))
                #expect(html.range(of: #"<code>[0-9a-f]{64}</code>"#, options: .regularExpression) != nil)
                #expect(html.contains("<h3>1. Gjenstand og varighet</h3>"))
                #expect(
                    html.contains(
                        "<li><strong>Bergen kommune</strong>, organisasjonsnummer <strong>\(Fixtures.klinikkenOrgnr)</strong>"))
                #expect(html.contains("Du er logget inn på sikkerhetsnivå 3."))
                #expect(html.contains(#"href="/logg-inn?neste=/virksomhet/kommune-4601/avtale&amp;niva=4""#))
                #expect(!html.contains("/avtale/signer"))
            }
            // A level-3 login that posts the form anyway is refused by the engine; nothing is signed.
            let refused = try await journey.sign(client, session: level3)
            #expect(refused.status == .forbidden)
            #expect(refused.text.contains("Signering krever innlogging på sikkerhetsnivå 4."))
            #expect(refused.text.contains(##"<a href="#bekreft">"##))

            let unconfirmed = try await journey.sign(client, session: level4, confirm: false)
            #expect(unconfirmed.status == .badRequest)
            #expect(unconfirmed.text.contains("<title>Feil: Databehandleravtale for Bergen – Kompetanseportal</title>"))
            #expect(unconfirmed.text.contains("Kryss av for at du har lest avtalen og vil signere den."))

            let signed = try await journey.sign(client, session: level4)
            #expect(signed.status == .seeOther)
            #expect(signed.headers[.location] == journey.agreementPath + "?signert=1")
            try await client.execute(uri: journey.agreementPath + "?signert=1", method: .get, headers: .session(level4))
            {
                #expect($0.text.contains("Venter på kontrasignatur fra brukerstøtte"))
                #expect($0.text.contains("Avtalen er signert"))
            }
        }
        let agreements = try journey.app.services.registry.agreements(of: Fixtures.tenantID(SignerJourney.tenant))
        #expect(agreements.count == 1)
    }

    @Test func anotherTenantsPageIsTheSame404AsOneThatDoesNotExist() async throws {
        let journey = try SignerJourney()
        let token = try await journey.invite()
        let session = try await journey.app.session(.rita)
        try await journey.app.test { client in
            try await journey.accept(client, token: token, session: session)
            var bodies: [String] = []
            for tenant in ["kommune-0301", "finnes-ikke"] {
                try await client.execute(uri: "/virksomhet/\(tenant)/avtale", method: .get, headers: .session(session))
                {
                    #expect($0.status == .notFound)
                    bodies.append(
                        $0.text.replacingOccurrences(
                            of: #"<code>[0-9a-f]+</code>"#, with: "", options: .regularExpression))
                }
            }
            #expect(bodies[0] == bodies[1])
            #expect(bodies[0].contains("Vi finner ingen virksomhet med denne ID-en."))
        }
    }

    @Test func aNameWithMarkupIsShownAsTextOnTheInvitationPage() async throws {
        let journey = try SignerJourney()
        let token = try await journey.invite(name: "<script>alert(1)</script>")
        try await journey.app.test { client in
            try await client.execute(uri: "/kontaktperson/godta?tenant=kommune-4601&token=\(token)", method: .get) {
                response in
                #expect(response.text.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
                #expect(!response.text.contains("<script>"))
            }
        }
    }
}

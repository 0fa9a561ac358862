import Domain
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import TestSupport
import Testing

@testable import API

/// A private virksomhet registers through the form and sees its registration; support approves or rejects
/// it in the console. The organisation number is checked on the server whatever the script did.
@Suite struct RegistrationPagesTests {
    static let form = "/registrering/ny"

    @Test func aWrongCheckDigitAnEmptyNameAndNoProgrammeAreRefusedTogetherAndNothingIsWritten() async throws {
        let fixture = try ConsoleFixture()
        let lise = try await fixture.app.session(.lise)
        try await fixture.app.test { client in
            let csrf = try await fixture.csrf(client, session: lise, page: Self.form)
            let response = try await fixture.post(
                client, Self.form, session: lise,
                [("csrf", csrf), ("organisation-number", Fixtures.invalidOrgnr), ("name", " "), ("contact-email", "post@legesenter.no")])
            #expect(response.status == .badRequest)
            let html = response.text
            #expect(html.contains("<title>Feil: Registrer en virksomhet – Kompetanseportal</title>"))
            #expect(
                html.contains(
                    ##"<li><a href="#organisation-number">Organisasjonsnummer: Nummeret er ikke gyldig. Sjekk at du har skrevet det riktig.</a></li>"##
                ))
            #expect(html.contains(##"<li><a href="#name">Virksomhetens navn: Fyll ut dette feltet.</a></li>"##))
            #expect(html.contains(##"<li><a href="#programmes">Utdanninger: Velg minst én utdanning.</a></li>"##))
            #expect(html.contains(#"value="\#(Fixtures.invalidOrgnr)""#))
            #expect(html.contains(#"value="post@legesenter.no""#))
            #expect(html.contains(#"<input type="checkbox" id="programmes" name="programmes" value="lis1">"#))
        }
        #expect(try fixture.app.services.engine.onboarding.registrations(of: try fixture.app.principal(.lise)).isEmpty)
    }

    @Test func aScriptAsTheNameIsShownAsTextToTheApplicantAndToSupportWhoApproves() async throws {
        let fixture = try ConsoleFixture()
        let lise = try await fixture.app.session(.lise)
        let siri = try await fixture.app.session(.siri)
        let name = "<script>alert(1)</script>"
        try await fixture.app.test { client in
            let csrf = try await fixture.csrf(client, session: lise, page: Self.form)
            let response = try await fixture.post(
                client, Self.form, session: lise,
                [
                    ("csrf", csrf), ("organisation-number", Fixtures.legesenteretOrgnr), ("name", name),
                    ("contact-email", "post@legesenter.no"), ("programmes", "alis"), ("programmes", "lis1"),
                ])
            #expect(response.status == .seeOther)
            #expect(response.headers[.location] == "/registrering?sendt=1")
            try await client.execute(uri: "/registrering?sendt=1", method: .get, headers: .session(lise)) { response in
                #expect(response.text.contains("Registreringen er sendt."))
                #expect(response.text.contains("<h2>&lt;script&gt;alert(1)&lt;/script&gt;</h2>"))
                #expect(response.text.contains("Venter på behandling"))
                #expect(!response.text.contains(name))
            }
            let list = try await client.execute(uri: "/brukerstotte/registreringer", method: .get, headers: .session(siri)) {
                $0.text
            }
            #expect(list.contains("Godkjenn &lt;script&gt;alert(1)&lt;/script&gt;"))
            #expect(!list.contains(name))
            #expect(list.contains("ALIS, LIS1"))
            let approve = try #require(
                list.range(of: #"/brukerstotte/registreringer/[0-9a-f-]+/godkjenn"#, options: .regularExpression))
            let siriCSRF = try #require(csrfToken(in: list))
            let approved = try await fixture.post(client, String(list[approve]), session: siri, [("csrf", siriCSRF)])
            #expect(approved.status == .seeOther)
            #expect(approved.headers[.location] == "/brukerstotte/virksomhet/virksomhet-\(Fixtures.legesenteretOrgnr)?utfort=godkjent")
            try await client.execute(uri: "/registrering", method: .get, headers: .session(lise)) { response in
                #expect(response.text.contains("Godkjent"))
                #expect(response.text.contains(#"href="/virksomhet/virksomhet-\#(Fixtures.legesenteretOrgnr)/avtale""#))
            }
        }
        let tenant = try fixture.app.services.registry.requireTenant(
            Fixtures.tenantID("virksomhet-\(Fixtures.legesenteretOrgnr)"))
        #expect(tenant.name == name)
        let audit = try fixture.app.services.registry.auditEntries(tenant: tenant.id)
        #expect(audit.contains { $0.action == "registration.approved" && $0.actor == "support:dev-support" })
    }

    @Test func aRejectionWithoutAReasonIsRefusedAndWithOneTheApplicantReadsIt() async throws {
        let fixture = try ConsoleFixture()
        let lise = try await fixture.app.session(.lise)
        let siri = try await fixture.app.session(.siri)
        let registration = try await fixture.app.services.engine.onboarding.submitRegistration(
            by: try fixture.app.principal(.lise), organisationNumber: Fixtures.legesenteretOrgnr, name: "Legesenteret AS",
            contactEmail: "post@legesenter.no", programmes: ["alis"])
        let id = registration.id.uuidString.lowercased()
        let path = "/brukerstotte/registreringer/\(id)/avvis"
        try await fixture.app.test { client in
            let csrf = try await fixture.csrf(client, session: siri, page: "/brukerstotte/registreringer")
            let refused = try await fixture.post(client, path, session: siri, [("csrf", csrf), ("reason", "")])
            #expect(refused.status == .badRequest)
            #expect(
                refused.text.contains(
                    ##"<li><a href="#reason-\##(id)">Begrunnelse for avvisning: Skriv en begrunnelse som søkeren kan lese.</a></li>"##
                ))
            #expect(try fixture.app.services.engine.agreements.registrations(state: .pending, by: .init(operator: "t")).count == 1)
            let rejected = try await fixture.post(
                client, path, session: siri, [("csrf", csrf), ("reason", "Ikke en utdanningsvirksomhet")])
            #expect(rejected.status == .seeOther)
            #expect(rejected.headers[.location] == "/brukerstotte/registreringer?utfort=avvist")
            try await client.execute(uri: "/registrering", method: .get, headers: .session(lise)) { response in
                #expect(response.text.contains("Avvist"))
                #expect(response.text.contains("Begrunnelse: Ikke en utdanningsvirksomhet"))
            }
        }
    }

    @Test func theFormAsksAStrangerToLogInAndCarriesTheCheckScriptWhichCSPAllowsFromTheSiteOnly() async throws {
        let fixture = try ConsoleFixture()
        let lise = try await fixture.app.session(.lise)
        try await fixture.app.test { client in
            try await client.execute(uri: Self.form, method: .get) { response in
                #expect(response.status == .seeOther)
                #expect(response.headers[.location] == "/logg-inn?neste=/registrering/ny")
            }
            try await client.execute(uri: Self.form, method: .get, headers: .session(lise)) { response in
                #expect(response.text.contains(#"<script src="/assets/orgnr.js" defer></script>"#))
                #expect(response.headers[.contentSecurityPolicy]?.contains("script-src 'self';") == true)
            }
            try await client.execute(uri: "/assets/orgnr.js", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "text/javascript; charset=utf-8")
                #expect(response.text.contains("var weights = [3, 2, 7, 6, 5, 4, 3, 2];"))
            }
        }
    }
}

import Domain
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import Storage
import TestSupport
import Testing

@testable import API

/// The tenant page's actions in support's console: paper agreement, suspend and resume, termination. Each
/// refused form comes back with what was typed, a message at the field and the summary, and writes nothing;
/// each accepted one lands in the same audit chain as through the API, with the support person as actor.
@Suite struct SupportConsoleActionsTests {
    @Test func aPaperAgreementThatIsNotAPDFOrHasNoSignerIsRefusedAndNothingIsStored() async throws {
        let fixture = try ConsoleFixture()
        let siri = try await fixture.app.session(.siri)
        try await fixture.app.test { client in
            let csrf = try await fixture.csrf(client, session: siri)
            let response = try await fixture.upload(
                client, ConsoleFixture.tenantPath + "/papiravtale", session: siri,
                fields: [("csrf", csrf), ("paper-version", "v2"), ("paper-signer", "")],
                file: ("paper-file", "avtale.pdf", "application/pdf", Array("<html>not a pdf</html>".utf8)))
            #expect(response.status == .badRequest)
            let html = response.text
            #expect(html.contains("<title>Feil: Brukerstøtte – Oslo – Kompetanseportal</title>"))
            #expect(html.contains(##"<li><a href="#paper-signer">Signert av: Fyll ut dette feltet.</a></li>"##))
            #expect(html.contains(##"<a href="#paper-file">Skannet avtale: Filen er ikke en PDF."##))
            #expect(html.contains(#"<option value="v2" selected>"#))
        }
        #expect(try fixture.app.services.registry.agreements(of: Fixtures.tenantID(ConsoleFixture.oslo)).isEmpty)
    }

    @Test func aScanLargerThanTenMegabytesIsRefusedAtTheField() async throws {
        let fixture = try ConsoleFixture()
        let siri = try await fixture.app.session(.siri)
        try await fixture.app.test { client in
            let csrf = try await fixture.csrf(client, session: siri)
            let response = try await fixture.upload(
                client, ConsoleFixture.tenantPath + "/papiravtale", session: siri,
                fields: [("csrf", csrf), ("paper-version", "v2"), ("paper-signer", "Rita Rådmann")],
                file: ("paper-file", "stor.pdf", "application/pdf", ConsoleFixture.pdf(size: 10 * 1024 * 1024 + 1)))
            #expect(response.status == .badRequest)
            #expect(response.text.contains("Filen er for stor. Den kan være på høyst 10 MB."))
            #expect(response.text.contains(#"value="Rita Rådmann""#))
        }
        #expect(try fixture.app.services.registry.agreements(of: Fixtures.tenantID(ConsoleFixture.oslo)).isEmpty)
    }

    @Test func aPaperAgreementIsRegisteredWithTheKommunesOrganisationNumberAndAwaitsCountersignature() async throws {
        let fixture = try ConsoleFixture()
        let siri = try await fixture.app.session(.siri)
        let version = try ContractCatalogue(directory: fixture.app.services.contractsDirectory)
            .currentTemplate(on: fixture.app.clock.now.isoDay).version
        try await fixture.app.test { client in
            let csrf = try await fixture.csrf(client, session: siri)
            // Oslo has no organisation number in the registry yet, and the agreement needs it.
            let missing = try await fixture.upload(
                client, ConsoleFixture.tenantPath + "/papiravtale", session: siri,
                fields: [("csrf", csrf), ("paper-version", version), ("paper-signer", "Rita Rådmann")],
                file: ("paper-file", "avtale.pdf", "application/pdf", ConsoleFixture.pdf()))
            #expect(missing.status == .badRequest)
            #expect(
                missing.text.contains(
                    ##"<a href="#paper-organisation-number">Organisasjonsnummer: Skriv inn kommunens organisasjonsnummer"##))
            let response = try await fixture.upload(
                client, ConsoleFixture.tenantPath + "/papiravtale", session: siri,
                fields: [
                    ("csrf", csrf), ("paper-version", version), ("paper-signer", "Rita Rådmann"),
                    ("paper-organisation-number", "974770482"),
                ],
                file: ("paper-file", "avtale.pdf", "application/pdf", ConsoleFixture.pdf()))
            #expect(response.status == .seeOther)
            #expect(response.headers[.location] == ConsoleFixture.tenantPath + "?utfort=papiravtale#avtaler")
            let page = try await client.execute(
                uri: ConsoleFixture.tenantPath + "?utfort=papiravtale", method: .get, headers: .session(siri)
            ) { $0.text }
            #expect(page.contains("Papiravtalen er registrert og venter på kontrasignatur."))
            #expect(page.contains("Kontrasigner avtalen (versjon \(version))"))
        }
        let agreements = try fixture.app.services.registry.agreements(of: Fixtures.tenantID(ConsoleFixture.oslo))
        #expect(agreements.map(\.agreement.state) == [.awaitingCountersignature])
        #expect(agreements.first?.agreement.channel == .paper)
        #expect(try fixture.app.services.registry.requireTenant(Fixtures.tenantID(ConsoleFixture.oslo)).organisationNumber?.rawValue == "974770482")
        let audit = try fixture.app.services.registry.auditEntries(tenant: Fixtures.tenantID(ConsoleFixture.oslo))
        #expect(audit.contains { $0.action == "agreement.signed" && $0.actor == "support:dev-support" })
    }

    @Test func suspendingNeedsAReasonWhichIsKeptWithTheEventAndResumingOpensAgain() async throws {
        let fixture = try ConsoleFixture()
        _ = try await fixture.openOsloWithTrainee()
        let siri = try await fixture.app.session(.siri)
        let path = ConsoleFixture.tenantPath + "/status"
        try await fixture.app.test { client in
            let csrf = try await fixture.csrf(client, session: siri)
            let refused = try await fixture.post(
                client, path, session: siri, [("csrf", csrf), ("transition", "suspend"), ("status-reason", "  ")])
            #expect(refused.status == .badRequest)
            #expect(refused.text.contains(##"<li><a href="#status-reason">Begrunnelse: Fyll ut dette feltet.</a></li>"##))
            #expect(try fixture.app.services.registry.requireTenant(Fixtures.tenantID(ConsoleFixture.oslo)).status == .active)

            let suspended = try await fixture.post(
                client, path, session: siri,
                [("csrf", csrf), ("transition", "suspend"), ("status-reason", "Sak 2026-118: mistanke om <misbruk>")])
            #expect(suspended.status == .seeOther)
            #expect(suspended.headers[.location] == ConsoleFixture.tenantPath + "?utfort=stengt")
            let page = try await client.execute(uri: ConsoleFixture.tenantPath, method: .get, headers: .session(siri)) {
                $0.text
            }
            #expect(page.contains("<td>Sak 2026-118: mistanke om &lt;misbruk&gt;</td>"))
            #expect(page.contains("Åpne virksomheten igjen"))
            #expect(!page.contains("Steng virksomheten midlertidig"))

            let resumed = try await fixture.post(
                client, path, session: siri, [("csrf", csrf), ("transition", "resume"), ("status-reason", "Avklart")])
            #expect(resumed.status == .seeOther)
        }
        #expect(try fixture.app.services.registry.requireTenant(Fixtures.tenantID(ConsoleFixture.oslo)).status == .active)
        let audit = try fixture.app.services.registry.auditEntries(tenant: Fixtures.tenantID(ConsoleFixture.oslo))
        #expect(
            audit.contains {
                $0.action == "tenant.suspend" && $0.actor == "support:dev-support"
                    && $0.detail.hasSuffix("reason: Sak 2026-118: mistanke om <misbruk>")
            })
        #expect(audit.contains { $0.action == "tenant.resume" && $0.detail.hasSuffix("reason: Avklart") })
    }

    @Test(arguments: [
        ("2020-01-01", "Oppsigelsesdatoen kan ikke være tilbake i tid."),
        ("", "Skriv inn oppsigelsesdatoen."),
        ("31.02.2027", "Skriv datoen som dd.mm.åååå, eller velg den i kalenderen."),
    ])
    func aNoticeDateInThePastMissingOrMalformedIsRefusedAndNothingChanges(date: String, message: String) async throws {
        let fixture = try ConsoleFixture()
        _ = try await fixture.openOsloWithTrainee()
        let siri = try await fixture.app.session(.siri)
        try await fixture.app.test { client in
            let csrf = try await fixture.csrf(client, session: siri)
            let response = try await fixture.post(
                client, ConsoleFixture.tenantPath + "/oppsigelse", session: siri,
                [("csrf", csrf), ("notice-date", date), ("termination-reason", "Kunden har sluttet")])
            #expect(response.status == .badRequest)
            #expect(response.text.contains(##"<a href="#notice-date">Oppsigelsesdato: \##(message)</a>"##))
            #expect(response.text.contains(">Kunden har sluttet</textarea>"))
            #expect(response.text.contains(#"value="\#(date)""#))
        }
        let tenant = try fixture.app.services.registry.requireTenant(Fixtures.tenantID(ConsoleFixture.oslo))
        #expect(tenant.status == .active)
        #expect(tenant.closesAt == nil)
    }

    @Test func supportTerminatesAsTheProcessorFromANoticeDate() async throws {
        let fixture = try ConsoleFixture()
        _ = try await fixture.openOsloWithTrainee()
        let siri = try await fixture.app.session(.siri)
        let date = fixture.app.clock.now.addingTimeInterval(30 * 86_400).isoDay
        try await fixture.app.test { client in
            let csrf = try await fixture.csrf(client, session: siri)
            let response = try await fixture.post(
                client, ConsoleFixture.tenantPath + "/oppsigelse", session: siri,
                [("csrf", csrf), ("notice-date", date), ("termination-reason", "")])
            #expect(response.status == .seeOther)
            #expect(response.headers[.location] == ConsoleFixture.tenantPath + "?utfort=sagt-opp")
        }
        let tenant = try fixture.app.services.registry.requireTenant(Fixtures.tenantID(ConsoleFixture.oslo))
        #expect(tenant.closesAt?.isoDay == date)
        let audit = try fixture.app.services.registry.auditEntries(tenant: Fixtures.tenantID(ConsoleFixture.oslo))
        #expect(
            audit.contains {
                $0.action == "agreement.terminated" && $0.actor == "support:dev-support"
                    && $0.detail.hasPrefix("terminated by the databehandler")
            })
    }
}

import Domain
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import TestSupport
import Testing

@testable import API

/// Support and one LIS in the console: access only with a reason and a time limit, each read in the LIS's
/// access log; an external person invited with a reason. Anyone but support gets the 404 page.
@Suite struct SupportConsoleTraineeTests {
    @Test func supportOpensAccessWithAReasonAndReadsTheLISWhichTheAccessLogShows() async throws {
        let fixture = try ConsoleFixture()
        let trainee = try await fixture.openOsloWithTrainee()
        let siri = try await fixture.app.session(.siri)
        let lisPath = ConsoleFixture.tenantPath + "/lis/" + trainee.uuidString.lowercased()
        try await fixture.app.test { client in
            // Without open access the engine refuses, and the page says what to do.
            try await client.execute(uri: lisPath, method: .get, headers: .session(siri)) { response in
                #expect(response.status == .forbidden)
                #expect(response.text.contains("Åpne tilgang for brukerstøtte til virksomheten med en begrunnelse først."))
            }
            let csrf = try await fixture.csrf(client, session: siri)
            let response = try await fixture.post(
                client, ConsoleFixture.tenantPath + "/tilgang", session: siri,
                [
                    ("csrf", csrf), ("access-trainee", trainee.uuidString), ("access-reason", "Sak 4411: LIS får ikke sendt læringsmål"),
                    ("access-minutes", "30"),
                ])
            #expect(response.status == .seeOther)
            #expect(response.headers[.location] == lisPath)
            try await client.execute(uri: lisPath, method: .get, headers: .session(siri)) { response in
                #expect(response.status == .ok)
                #expect(response.text.contains("<h1>Lise Lege</h1>"))
                #expect(response.text.contains("lise@example.no"))
                #expect(response.headers[.cacheControl] == "no-store")
            }
        }
        let log = try await fixture.app.services.tenantStore.withDatabase(Fixtures.tenantID(ConsoleFixture.oslo)) {
            try $0.accessLog(traineeID: trainee)
        }
        #expect(log.contains { $0.role == .support && $0.reason == "Sak 4411: LIS får ikke sendt læringsmål" })
    }

    @Test func accessWithoutAReasonOrWithABadIdIsRefusedAndNothingIsOpened() async throws {
        let fixture = try ConsoleFixture()
        _ = try await fixture.openOsloWithTrainee()
        let siri = try await fixture.app.session(.siri)
        try await fixture.app.test { client in
            let csrf = try await fixture.csrf(client, session: siri)
            let response = try await fixture.post(
                client, ConsoleFixture.tenantPath + "/tilgang", session: siri,
                [("csrf", csrf), ("access-trainee", "ikke-en-id"), ("access-reason", ""), ("access-minutes", "30")])
            #expect(response.status == .badRequest)
            #expect(response.text.contains(##"<a href="#access-trainee">LIS-ens ID: ID-en har 36 tegn"##))
            #expect(
                response.text.contains(
                    ##"<a href="#access-reason">Begrunnelse: Skriv saksnummeret og hvorfor du trenger tilgang.</a>"##))
            #expect(response.text.contains(#"value="ikke-en-id""#))
            let short = try await fixture.post(
                client, ConsoleFixture.tenantPath + "/tilgang", session: siri,
                [("csrf", csrf), ("access-trainee", UUID().uuidString), ("access-reason", "kort"), ("access-minutes", "30")])
            #expect(short.status == .badRequest)
            #expect(short.text.contains("Skriv minst 10 tegn: saksnummeret og hvorfor du trenger tilgang."))
        }
        let (siriKey, now) = (try fixture.app.principal(.siri).personKey, fixture.app.clock.now)
        let open = try await fixture.app.services.tenantStore.withDatabase(Fixtures.tenantID(ConsoleFixture.oslo)) {
            try $0.openSupportAccess(for: siriKey, at: now)
        }
        #expect(open == nil)
    }

    @Test func supportInvitesAnExternalPersonForALISWithAReason() async throws {
        let fixture = try ConsoleFixture()
        let trainee = try await fixture.openOsloWithTrainee()
        let siri = try await fixture.app.session(.siri)
        try await fixture.app.test { client in
            let csrf = try await fixture.csrf(client, session: siri)
            let refused = try await fixture.post(
                client, ConsoleFixture.tenantPath + "/ekstern", session: siri,
                [
                    ("csrf", csrf), ("external-trainee", trainee.uuidString), ("external-role", "supervisor"),
                    ("external-email", "sofie@sykehus.no"), ("external-reason", ""),
                ])
            #expect(refused.status == .badRequest)
            #expect(refused.text.contains(##"<a href="#external-reason">Begrunnelse: Skriv hvorfor brukerstøtte inviterer personen.</a>"##))
            #expect(refused.text.contains(#"value="sofie@sykehus.no""#))
            let unknown = try await fixture.post(
                client, ConsoleFixture.tenantPath + "/ekstern", session: siri,
                [
                    ("csrf", csrf), ("external-trainee", UUID().uuidString), ("external-role", "supervisor"),
                    ("external-email", "sofie@sykehus.no"), ("external-reason", "Supervisør fra sykehuset"),
                ])
            #expect(unknown.status == .badRequest)
            #expect(unknown.text.contains("Vi finner ingen LIS med denne ID-en i virksomheten."))
            let invited = try await fixture.post(
                client, ConsoleFixture.tenantPath + "/ekstern", session: siri,
                [
                    ("csrf", csrf), ("external-trainee", trainee.uuidString), ("external-role", "supervisor"),
                    ("external-email", "sofie@sykehus.no"), ("external-reason", "Supervisør fra sykehuset"),
                ])
            #expect(invited.status == .seeOther)
            #expect(invited.headers[.location] == ConsoleFixture.tenantPath + "?utfort=ekstern-invitert")
        }
        let log = try await fixture.app.services.tenantStore.withDatabase(Fixtures.tenantID(ConsoleFixture.oslo)) {
            try $0.accessLog(traineeID: trainee)
        }
        #expect(log.filter { $0.role == .support }.map(\.reason) == ["Supervisør fra sykehuset"])
    }

    @Test func everyNewConsolePageIsA404ForAnyoneButSupportAndWritesNothing() async throws {
        let fixture = try ConsoleFixture()
        let trainee = try await fixture.openOsloWithTrainee()
        let lise = try await fixture.app.session(.lise)
        let gets = [
            "/brukerstotte/registreringer", "/brukerstotte/katalog", "/brukerstotte/avtaleversjoner",
            ConsoleFixture.tenantPath + "/lis/" + trainee.uuidString.lowercased(),
        ]
        let posts = [
            ConsoleFixture.tenantPath + "/status", ConsoleFixture.tenantPath + "/oppsigelse",
            ConsoleFixture.tenantPath + "/tilgang", ConsoleFixture.tenantPath + "/ekstern",
            ConsoleFixture.tenantPath + "/papiravtale", "/brukerstotte/katalog",
            "/brukerstotte/registreringer/\(UUID().uuidString.lowercased())/godkjenn",
        ]
        try await fixture.app.test { client in
            let csrf = try await fixture.csrf(client, session: lise, page: "/")
            for path in gets {
                try await client.execute(uri: path, method: .get, headers: .session(lise)) { response in
                    #expect(response.status == .notFound, "\(path)")
                    #expect(response.text.contains("Vi finner ikke siden du ba om."))
                }
            }
            for path in posts {
                let response = try await fixture.post(
                    client, path, session: lise,
                    [("csrf", csrf), ("transition", "suspend"), ("status-reason", "x"), ("notice-date", "2030-01-01")])
                #expect(response.status == .notFound, "\(path)")
                #expect(response.text.contains("Vi finner ikke siden du ba om."))
            }
        }
        #expect(try fixture.app.services.registry.requireTenant(Fixtures.tenantID(ConsoleFixture.oslo)).status == .active)
    }
}

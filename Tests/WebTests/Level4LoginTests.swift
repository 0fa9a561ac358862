import Foundation
import Testing

/// The login that a page needing level 4 starts (`/logg-inn?niva=4`) asks the issuer for level 4
/// (`acr_values=Level4`); the development issuer's page then offers level 4 only and refuses level 3.
@Suite(.serialized) struct Level4LoginTests {
    @Test func theLevel4LoginPageStartsALoginThatOffersLevel4Only() async throws {
        let portal = try await LivePortal.start()
        let login = try await portal.send("GET", "/logg-inn?neste=/virksomhet&niva=4")
        #expect(login.status == 200)
        #expect(login.body.contains("Sikkerhetsnivå 4 kreves"))
        #expect(login.body.contains(#"href="/logg-inn/helseid?neste=/virksomhet&amp;niva=4""#))

        let start = try await portal.send("GET", "/logg-inn/helseid?neste=/virksomhet&niva=4")
        #expect(start.status == 303)
        let toPage = try await portal.send("GET", try #require(start.location))
        let page = try await portal.send("GET", try #require(toPage.location))
        #expect(page.status == 200)
        #expect(page.body.contains("bare nivå 4 tilbys"))
        #expect(page.body.contains(#"id="level-4""#))
        #expect(!page.body.contains(#"id="level-3""#))

        // A level-3 choice posted anyway is refused at the field, and the request stays usable.
        let requestURI = try #require(SignerJourney.value(of: "request_uri", in: page.body))
        let encoded = requestURI.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
        let headers = ["Content-Type": "application/x-www-form-urlencoded", "Sec-Fetch-Site": "same-origin"]
        let refused = try await portal.send(
            "POST", "/dev-issuer/logg-inn", headers: headers,
            body: "client_id=kompetanseportal&request_uri=\(encoded)&person=signer&level=3")
        #expect(refused.status == 400)
        #expect(refused.body.contains("Innloggingen krever sikkerhetsnivå 4. Velg nivå 4."))
        #expect(refused.body.contains(##"<a href="#level-4">"##))
        let accepted = try await portal.send(
            "POST", "/dev-issuer/logg-inn", headers: headers,
            body: "client_id=kompetanseportal&request_uri=\(encoded)&person=signer&level=4")
        #expect(accepted.status == 303)
        #expect(accepted.location?.contains("/auth/callback?code=") == true)
        await portal.stop()
    }

    @Test func anOrdinaryLoginStillOffersLevel3() async throws {
        let portal = try await LivePortal.start()
        let start = try await portal.send("GET", "/logg-inn/helseid?neste=/virksomhet")
        let toPage = try await portal.send("GET", try #require(start.location))
        let page = try await portal.send("GET", try #require(toPage.location))
        #expect(page.body.contains(#"id="level-3""#))
        #expect(!page.body.contains("bare nivå 4 tilbys"))
        await portal.stop()
    }
}

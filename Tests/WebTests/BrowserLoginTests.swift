import Foundation
import Testing

/// A browser's HelseID login against the development issuer, over real HTTP: the login page, the issuer's
/// own login page (a named test person, a security level), the callback that sets the session cookie and
/// returns to the page the person came from, and logout.
@Suite(.serialized) struct BrowserLoginTests {
    /// The value of a cookie in a `Set-Cookie` header (one or several joined).
    static func cookie(_ name: String, in header: String) -> String? {
        guard let range = header.range(of: name + "=") else { return nil }
        let rest = header[range.upperBound...]
        return String(rest.prefix { $0 != ";" && $0 != "," })
    }

    /// Runs the flow up to the callback; returns the callback URL and the login cookie.
    static func logIn(_ portal: LivePortal, as person: String, level: Int, returningTo path: String) async throws
        -> (callback: String, loginCookie: String)
    {
        let start = try await portal.send("GET", "/logg-inn/helseid?neste=" + path)
        #expect(start.status == 303)
        #expect(
            start.setCookie.contains("HttpOnly") && start.setCookie.contains("SameSite=Lax")
                && start.setCookie.contains("Path=/"))
        let loginCookie = try #require(cookie("kp_login", in: start.setCookie))
        let authorize = try #require(start.location)
        #expect(
            authorize.hasPrefix(
                "http://127.0.0.1:\(portal.port)/dev-issuer/authorize?client_id=kompetanseportal&request_uri="))
        let toPage = try await portal.send("GET", authorize)
        #expect(toPage.status == 302)
        let pagePath = try #require(toPage.location)
        #expect(pagePath.hasPrefix("/dev-issuer/logg-inn?client_id=kompetanseportal&request_uri=urn"))
        let page = try await portal.send("GET", pagePath)
        #expect(page.status == 200)
        #expect(page.body.contains("Rita Rådmann (administrator for virksomheten)"))
        let requestURI = try #require(SignerJourney.value(of: "request_uri", in: page.body))
        let back = try await portal.send(
            "POST", "/dev-issuer/logg-inn",
            headers: ["Content-Type": "application/x-www-form-urlencoded", "Sec-Fetch-Site": "same-origin"],
            body:
                "client_id=kompetanseportal&request_uri=\(requestURI.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")&person=\(person)&level=\(level)"
        )
        #expect(back.status == 303)
        let callback = try #require(back.location)
        #expect(callback.contains("/auth/callback?code="))
        return (callback, loginCookie)
    }

    @Test func aBrowserLogsInAtTheChosenLevelAndComesBackWithASessionCookie() async throws {
        let portal = try await LivePortal.start()
        let (callback, loginCookie) = try await Self.logIn(portal, as: "signer", level: 3, returningTo: "/virksomhet")
        let done = try await portal.send("GET", callback, headers: ["Cookie": "kp_login=\(loginCookie)"])
        #expect(done.status == 303)
        #expect(done.location == "/virksomhet")
        let session = try #require(Self.cookie("kp_session", in: done.setCookie))
        #expect(session.hasPrefix("kps_"))
        #expect(done.setCookie.contains("HttpOnly"))
        #expect(done.setCookie.contains("SameSite=Lax"))
        #expect(!done.setCookie.contains("Secure"))
        let page = try await portal.send("GET", "/virksomhet", headers: ["Cookie": "kp_session=\(session)"])
        #expect(page.status == 200)
        #expect(page.body.contains("Logget inn som <strong>Rita Rådmann</strong> (sikkerhetsnivå 3)"))
        // The same cookie works as a bearer session for the API: one session lookup.
        let api = try await portal.send("GET", "/api/v1/me/tenants", headers: ["Authorization": "Bearer \(session)"])
        #expect(api.status == 200)
        // Logging in again (at level 4) in this browser ends the first session on the server.
        let (again, cookie) = try await Self.logIn(portal, as: "signer", level: 4, returningTo: "/virksomhet")
        let second = try await portal.send(
            "GET", again, headers: ["Cookie": "kp_login=\(cookie); kp_session=\(session)"])
        #expect(Self.cookie("kp_session", in: second.setCookie)?.hasPrefix("kps_") == true)
        let old = try await portal.send("GET", "/api/v1/me/tenants", headers: ["Authorization": "Bearer \(session)"])
        #expect(old.status == 401)
        await portal.stop()
    }

    @Test func aBrowsersLoginCannotBeFinishedWithoutItsCookie() async throws {
        let portal = try await LivePortal.start()
        let (callback, _) = try await Self.logIn(portal, as: "lis", level: 4, returningTo: "/")
        // Planted in another browser (no cookie): the JSON callback refuses the state.
        let planted = try await portal.send("GET", callback)
        #expect(planted.status == 400)
        #expect(planted.body.contains("login.invalid-state"))
        let (second, _) = try await Self.logIn(portal, as: "lis", level: 4, returningTo: "/")
        let forged = try await portal.send("GET", second, headers: ["Cookie": "kp_login=forged.Lw"])
        #expect(forged.status == 400)
        #expect(forged.body.contains("Vi kjenner ikke igjen denne innloggingen"))
        #expect(Self.cookie("kp_session", in: forged.setCookie) == nil)
        await portal.stop()
    }

    @Test func theApiLoginStillAnswersWithJSON() async throws {
        let portal = try await LivePortal.start()
        let authorize = try #require(try await portal.send("GET", "/auth/login").location)
        let callback = try #require(
            try await portal.send("GET", authorize + "&name=Lars%20Leder&pid=30108299920&sub=lars").location)
        let session = try await portal.send("GET", callback)
        #expect(session.status == 200)
        #expect(session.body.contains("\"sessionToken\":\"kps_"))
        await portal.stop()
    }

    @Test func anOpenRedirectIsNotPossible() async throws {
        let portal = try await LivePortal.start()
        let (callback, loginCookie) = try await Self.logIn(
            portal, as: "signer", level: 4, returningTo: "//evil.example/x")
        let done = try await portal.send("GET", callback, headers: ["Cookie": "kp_login=\(loginCookie)"])
        #expect(done.status == 303)
        #expect(done.location == "/")
        await portal.stop()
    }
}

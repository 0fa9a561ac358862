import Testing

@testable import Web

/// The cookies' attributes: HttpOnly, SameSite=Lax, Path=/ always; on an https address Secure and the
/// `__Host-` prefix, so no subdomain or plain-http page can set or read them.
@Suite struct SessionCookieTests {
    @Test func onHttpsTheCookiesAreSecureWithTheHostPrefix() {
        let cookies = SessionCookies(
            secure: PortalSettings(publicBaseURL: "https://portal.example", maxBodyBytes: 1).isSecure)
        let session = cookies.session("kps_x", lifetime: 28_800).description
        #expect(session.hasPrefix("__Host-kp_session=kps_x"))
        for attribute in ["Secure", "HttpOnly", "SameSite=Lax", "Path=/", "Max-Age=28800"] {
            #expect(session.contains(attribute), "\(attribute)")
        }
        #expect(!session.contains("Domain"))
        #expect(cookies.login("v").description.hasPrefix("__Host-kp_login=v"))
    }

    @Test func onPlainHttpTheyHaveNoPrefixAndAreNotSecure() {
        let cookies = SessionCookies(
            secure: PortalSettings(publicBaseURL: "http://127.0.0.1:8080", maxBodyBytes: 1).isSecure)
        let session = cookies.session("kps_x", lifetime: 60).description
        #expect(session.hasPrefix("kp_session=kps_x"))
        #expect(!session.contains("Secure"))
        #expect(cookies.expiredSession().description.contains("Max-Age=0"))
    }

    @Test func theOriginIsTheSchemeHostAndPortOfThePublicAddress() {
        #expect(
            PortalSettings(publicBaseURL: "https://portal.example/base", maxBodyBytes: 1).origin
                == "https://portal.example")
        #expect(
            PortalSettings(publicBaseURL: "http://127.0.0.1:8080", maxBodyBytes: 1).origin == "http://127.0.0.1:8080")
    }
}

import Foundation
import HTTPTypes
import Hummingbird

/// The two cookies of the pages: the session (`kp_session`) and, between the login page and the issuer's
/// callback, the login binding (`kp_login`). Both HttpOnly (no script can read them; the pages have none),
/// SameSite=Lax (sent when the issuer sends the browser back, not with another site's POST), Path=/; and
/// on an https address `Secure` with the `__Host-` prefix, so no subdomain or plain-http page can set them.
struct SessionCookies: Sendable {
    let secure: Bool

    init(secure: Bool) { self.secure = secure }

    var sessionName: String { secure ? "__Host-kp_session" : "kp_session" }
    var loginName: String { secure ? "__Host-kp_login" : "kp_login" }

    /// How long the login page waits for the issuer's callback (the issuer's own attempt lasts ten minutes).
    static let loginLifetime = 600

    func session(_ token: String, lifetime: Int) -> Cookie {
        cookie(sessionName, token, maxAge: lifetime)
    }

    func login(_ value: String) -> Cookie {
        cookie(loginName, value, maxAge: Self.loginLifetime)
    }

    func expiredSession() -> Cookie { cookie(sessionName, "", maxAge: 0) }
    func expiredLogin() -> Cookie { cookie(loginName, "", maxAge: 0) }

    private func cookie(_ name: String, _ value: String, maxAge: Int) -> Cookie {
        Cookie(name: name, value: value, maxAge: maxAge, path: "/", secure: secure, httpOnly: true, sameSite: .lax)
    }
}

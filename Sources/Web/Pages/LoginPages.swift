import Domain
import Engine
import Foundation
import HTTPTypes
import Hummingbird
import Identity

/// Logging in and out in a browser: the login page, the start of HelseID's flow (PAR, PKCE, state, nonce,
/// `private_key_jwt`, all in `SessionDesk`), the callback that opens a cookie session, and logout.
struct LoginPages: Sendable {
    static let path = "/logg-inn"
    static let startPath = "/logg-inn/helseid"
    static let logoutPath = "/logg-ut"

    let sessions: SessionDesk
    let cookies: SessionCookies
    let renderer: PageRenderer

    /// The login page's address that comes back to `returnPath` (`/` is left out).
    static func loginPath(returningTo returnPath: String, level4: Bool = false) -> String {
        var query: [String] = []
        if returnPath != ReturnPath.fallback { query.append("neste=" + queryValue(returnPath)) }
        if level4 { query.append("niva=4") }
        return query.isEmpty ? path : path + "?" + query.joined(separator: "&")
    }

    /// `GET /logg-inn?neste=/path[&niva=4][&utlogget=1]`.
    func page<Context: PortalRequestContext>(_ request: Request, _ context: Context) async throws -> Response {
        guard sessions.isEnabled else { throw PageNotFound(detail: "Login is not enabled on this server") }
        let query = request.uri.queryParameters
        let page = LoginPage(
            returnPath: ReturnPath.validated(query["neste"].map(String.init)), loggedOut: query["utlogget"] == "1",
            needsLevel4: query["niva"] == "4", visitor: context.visitor)
        return HTMLPage.response(try renderer.render(page, template: "login"))
    }

    /// `GET /logg-inn/helseid?neste=/path[&niva=4]`: starts the login bound to this browser (a secret in the
    /// `kp_login` cookie, its hash with the attempt) and sends the browser to the issuer. A link, not a
    /// form: a form's redirect to another origin would be blocked by `form-action 'self'`.
    func start<Context: PortalRequestContext>(_ request: Request, _ context: Context) async throws -> Response {
        guard sessions.isEnabled else { throw PageNotFound(detail: "Login is not enabled on this server") }
        let query = request.uri.queryParameters
        let returnPath = ReturnPath.validated(query["neste"].map(String.init))
        let binding = OneTimeSecret.random()
        let url = try await sessions.startLogin(browserBinding: binding, requireLevel4: query["niva"] == "4")
        var response = HTMLPage.seeOther(url.absoluteString)
        response.setCookie(cookies.login(LoginBinding(secret: binding, returnPath: returnPath).cookieValue))
        return response
    }

    /// `POST /logg-ut`: the session ends on the server, the cookie is removed.
    func logout<Context: PortalRequestContext>(_ request: Request, _ context: Context) async throws -> Response {
        if let token = context.sessionToken { try await sessions.logout(token: token) }
        var response = HTMLPage.seeOther(Self.path + "?utlogget=1")
        response.setCookie(cookies.expiredSession())
        return response
    }

    /// A value for a query string: everything but unreserved characters percent-encoded.
    static func queryValue(_ text: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~/")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? ""
    }
}

/// What the `kp_login` cookie holds between the login page and the callback: the binding secret and the
/// page to come back to.
struct LoginBinding: Sendable, Equatable {
    let secret: String
    let returnPath: String

    var cookieValue: String { secret + "." + Data(returnPath.utf8).base64URLEncodedString() }

    init(secret: String, returnPath: String) {
        self.secret = secret
        self.returnPath = returnPath
    }

    init?(cookieValue: String) {
        let parts = cookieValue.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, let path = Data(base64URLEncoded: parts[1]) else { return nil }
        self.secret = String(parts[0])
        self.returnPath = ReturnPath.validated(String(decoding: path, as: UTF8.self))
    }
}

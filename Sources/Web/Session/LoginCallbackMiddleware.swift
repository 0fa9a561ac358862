import Engine
import HTTPTypes
import Hummingbird
import Identity

/// The issuer's callback (`GET /auth/callback`) when a page started the login: this browser has the
/// `kp_login` cookie. The login is finished with the cookie's binding secret (the engine refuses a login
/// started in another browser), a previous session of this browser ends, the session cookie is set, and
/// the browser goes back to the page it came from (303, a same-site path only).
///
/// Without the cookie the request goes on to the JSON callback of API clients, unchanged. It sits on the
/// router, ahead of the OpenAPI routes, because both answer the one redirect URI registered with HelseID.
struct LoginCallbackMiddleware<Context: PortalRequestContext>: RouterMiddleware {
    static var callbackPath: String { "/auth/callback" }
    let sessions: SessionDesk
    let cookies: SessionCookies
    let renderer: PageRenderer
    let describe: @Sendable (any Error) -> FailureDescription

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        guard request.method == .get, request.uri.path == Self.callbackPath,
            let cookie = request.cookies[cookies.loginName]?.value, !cookie.isEmpty
        else { return try await next(request, context) }
        let query = request.uri.queryParameters
        do {
            guard let binding = LoginBinding(cookieValue: cookie) else { throw LoginError.invalidState }
            let session = try await sessions.finishLogin(
                code: query["code"].map(String.init), state: query["state"].map(String.init),
                issuer: query["iss"].map(String.init), error: query["error"].map(String.init),
                browserBinding: binding.secret)
            if let previous = request.cookies[cookies.sessionName]?.value, !previous.isEmpty {
                try? await sessions.logout(token: previous)
            }
            var response = HTMLPage.seeOther(binding.returnPath)
            response.setCookie(cookies.session(session.token, lifetime: Int(sessions.lifetime)))
            response.setCookie(cookies.expiredLogin())
            return response
        } catch {
            let failure = describe(error)
            let page = ErrorPage(
                status: failure.status, message: failure.message,
                advice: "Innloggingen ble ikke fullført. Start innloggingen på nytt fra siden du var på.",
                requestID: context.requestID, visitor: Visitor(principal: nil, sessionToken: nil),
                loginAgain: LoginPages.path)
            var response = HTMLPage.response(
                try renderer.render(page, template: "error"), status: .init(code: failure.status))
            response.setCookie(cookies.expiredLogin())
            return response
        }
    }
}

import Engine
import HTTPTypes
import Hummingbird

/// Finds the person of the session cookie, through the same session lookup as a bearer `kps_` token, and
/// puts them in the context. A cookie naming no live session (expired, revoked, made up) is removed, and
/// the page goes on as for someone not logged in.
struct SessionMiddleware<Context: PortalRequestContext>: RouterMiddleware {
    let sessions: SessionDesk
    let cookies: SessionCookies

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        var context = context
        var stale = false
        if let token = request.cookies[cookies.sessionName]?.value, !token.isEmpty {
            if let principal = try sessions.principal(ofSession: token) {
                context.principal = principal
                context.sessionToken = token
                context.csrfToken = CSRFToken(sessionToken: token).value
            } else {
                stale = true
            }
        }
        var response = try await next(request, context)
        if stale, response.headers[.setCookie] == nil { response.setCookie(cookies.expiredSession()) }
        return response
    }
}

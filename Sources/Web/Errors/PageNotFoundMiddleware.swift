import Engine
import HTTPTypes
import Hummingbird

/// The router's own 404 for a path outside the API is a page in bokmål (with the login state of the
/// session), as every other page's 404; the API's paths keep their problem+json. Added last to the router,
/// so it wraps only the "no route" responder, and the API's 405 for a declared path still applies.
struct PageNotFoundMiddleware<Context: PortalRequestContext>: RouterMiddleware {
    let sessions: SessionDesk
    let cookies: SessionCookies
    let renderer: PageRenderer

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        do {
            return try await next(request, context)
        } catch let error as HTTPError where error.status == .notFound {
            guard Self.isPagePath(request.uri.path), !Self.wantsJSON(request.headers[.accept]) else { throw error }
            var context = context
            if let token = request.cookies[cookies.sessionName]?.value, !token.isEmpty,
                let principal = try? sessions.principal(ofSession: token)
            {
                context.principal = principal
                context.sessionToken = token
                context.csrfToken = CSRFToken(sessionToken: token).value
            }
            let failure = PageNotFound(detail: "No page at this path")
            let page = ErrorPage(
                status: 404, message: failure.message, requestID: context.requestID, visitor: context.visitor)
            return HTMLPage.response(try renderer.render(page, template: "error"), status: .notFound)
        }
    }

    /// A client that asks for JSON and not for HTML (a script with a wrong address) keeps problem+json.
    static func wantsJSON(_ accept: String?) -> Bool {
        guard let accept = accept?.lowercased() else { return false }
        return accept.contains("json") && !accept.contains("text/html")
    }

    /// Everything but the JSON API, the OpenID endpoints of the login and the development issuer, and the
    /// health checks, whose clients read JSON.
    static func isPagePath(_ path: String) -> Bool {
        let machinePrefixes = ["/api/", "/auth/", "/health/", "/dev-issuer/", "/.well-known/"]
        if path == DevelopmentLoginPages.path { return true }
        return path != "/api" && !machinePrefixes.contains { path.hasPrefix($0) }
    }
}

import HTTPTypes
import Hummingbird

/// An undeclared method on a path the spec declares is 405 with `Allow` listing the declared methods, not
/// the router's 404: a client (or a scanner) learns that the resource exists and what it accepts.
///
/// Only the router's own "no route" is turned into 405; a handler's 404 (an unknown LIS, say) passes
/// unchanged. Runs before any gate or authentication, like the 404 it replaces.
struct MethodNotAllowedMiddleware<Context: RequestContext>: RouterMiddleware {
    let routes: RouteTable

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response)
        async throws -> Response
    {
        do {
            return try await next(request, context)
        } catch let error as HTTPError where error.status == .notFound {
            guard let allowed = routes.allowedMethods(for: request.uri.path), !allowed.contains(request.method)
            else { throw error }
            throw HTTPError(.methodNotAllowed, headers: [.allow: allowed.map(\.rawValue).joined(separator: ", ")])
        }
    }
}

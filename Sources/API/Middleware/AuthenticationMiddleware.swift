import Hummingbird
import Identity

/// Verifies the bearer token and records the person in the context; any failure is 401.
package struct AuthenticationMiddleware: RouterMiddleware {
    package typealias Context = AppRequestContext
    let verifier: TokenVerifier

    package init(verifier: TokenVerifier) { self.verifier = verifier }

    package func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        var context = context
        context.principal = try await verifier.verify(authorizationHeader: request.headers[.authorization])
        return try await next(request, context)
    }
}

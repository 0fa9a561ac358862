import Domain
import Engine
import Foundation
import Hummingbird
import Identity
import Storage

/// Verifies the bearer credential and records the person in the context; any failure is 401.
///
/// Two kinds of bearer: a session token from the portal's own HelseID login (`kps_…`, looked up by its
/// hash), or a HelseID-shaped JWT (verified by `TokenVerifier`).
package struct AuthenticationMiddleware: RouterMiddleware {
    package typealias Context = AppRequestContext
    let verifier: TokenVerifier
    let registry: Registry
    let now: @Sendable () -> Date

    package init(verifier: TokenVerifier, registry: Registry, now: @escaping @Sendable () -> Date) {
        self.verifier = verifier
        self.registry = registry
        self.now = now
    }

    package func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        var context = context
        let header = request.headers[.authorization]
        if let header, header.hasPrefix("Bearer " + SessionDesk.tokenPrefix) {
            let token = String(header.dropFirst("Bearer ".count))
            switch try registry.session(tokenHash: OneTimeSecret.hash(token), at: now()) {
            case .live(let principal): context.principal = principal
            case .ended: throw AuthenticationError.sessionEnded
            // An unknown token reads as expired, as before: either way the client must log in again.
            case .expired, .unknown: throw AuthenticationError.expired
            }
            context.sessionToken = token
        } else {
            context.principal = try await verifier.verify(authorizationHeader: header)
        }
        return try await next(request, context)
    }
}

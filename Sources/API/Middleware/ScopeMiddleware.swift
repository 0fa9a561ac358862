import Hummingbird

/// Hands the child context's scope to the generated handlers, which only receive OpenAPI inputs.
///
/// Registered on the tenant and support route groups only: the scope is set for exactly the requests
/// whose child context was created, i.e. that passed the gate and authentication.
package struct TenantScopeMiddleware: RouterMiddleware {
    package typealias Context = TenantRequestContext
    package init() {}

    package func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        try await TenantScope.$current.withValue(context.scope) { try await next(request, context) }
    }
}

package struct SupportScopeMiddleware: RouterMiddleware {
    package typealias Context = SupportRequestContext
    package init() {}

    package func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        try await SupportScope.$current.withValue(context.scope) { try await next(request, context) }
    }
}

package struct PersonScopeMiddleware: RouterMiddleware {
    package typealias Context = PersonRequestContext
    package init() {}

    package func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        try await PersonScope.$current.withValue(context.scope) { try await next(request, context) }
    }
}

import Domain
import Engine
import Hummingbird
import Identity
import Logging
import Storage

/// The context of a tenant administrator's agreement step: the tenant is resolved (whatever its status,
/// since signing must be possible before the gate opens and the data must be reachable after it
/// closed) and the person verified. `AdministratorMiddleware` turns it into a scope; every engine operation
/// it reaches checks that the person is the tenant's administrator.
package struct OnboardingRequestContext: ChildRequestContext {
    package var coreContext: CoreRequestContextStorage
    package let requestID: String
    package let tenant: Tenant
    package let principal: Principal

    package init(context: AppRequestContext) throws {
        guard let tenant = context.tenant else { throw ScopeError.tenantNotResolved }
        guard let principal = context.principal else { throw AuthenticationError.missingToken }
        self.coreContext = context.coreContext
        self.requestID = context.requestID
        self.tenant = tenant
        self.principal = principal
    }
}

/// What an administrator operation works with: the tenant and the person acting for it.
package struct AdministratorScope: Sendable {
    package let tenant: Tenant
    package let principal: Principal
    package let requestID: String
    package let logger: Logger

    @TaskLocal package static var current: AdministratorScope?

    package static func required() throws -> AdministratorScope {
        guard let current else { throw ScopeError.administratorNotResolved }
        return current
    }

    /// The caller the engine's onboarding operations take (and check).
    package var caller: AdministratorCaller { AdministratorCaller(tenant: tenant, principal: principal) }
}

/// Hands the administrator scope to the handlers, with the tenant on every log line.
package struct AdministratorMiddleware: RouterMiddleware {
    package typealias Context = OnboardingRequestContext

    package func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        var logger = context.logger
        logger[metadataKey: "tenant"] = "\(context.tenant.id)"
        let scope = AdministratorScope(
            tenant: context.tenant, principal: context.principal, requestID: context.requestID, logger: logger)
        return try await AdministratorScope.$current.withValue(scope) { try await next(request, context) }
    }
}

/// Resolves the tenant a request names without gating it (onboarding routes): unknown is 404.
package struct TenantResolverMiddleware: RouterMiddleware {
    package typealias Context = AppRequestContext
    let registry: Registry

    package func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        guard let raw = context.parameters.get("tenantId") else { throw RequestError.invalidParameter("tenantId") }
        let id = try TenantID(raw)
        var context = context
        context.tenant = try registry.requireTenant(id)
        return try await next(request, context)
    }
}

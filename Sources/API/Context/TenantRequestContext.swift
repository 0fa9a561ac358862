import Domain
import Engine
import Hummingbird
import Identity
import Logging

/// The context of a tenant-scoped request: it cannot be created without a resolved, gated tenant and an
/// authenticated person, so no tenant-scoped handler can run without them.
package struct TenantRequestContext: ChildRequestContext {
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

    /// The scope handed to the generated handlers, which see only OpenAPI inputs.
    package var scope: TenantScope { TenantScope(tenant: tenant, principal: principal, requestID: requestID, logger: logger) }
}

/// What a tenant-scoped operation works with: the gated tenant and the authenticated person.
package struct TenantScope: Sendable {
    package let tenant: Tenant
    package let principal: Principal
    package let requestID: String
    package let logger: Logger

    /// Set by `TenantScopeMiddleware` for the duration of a tenant-scoped request only.
    @TaskLocal package static var current: TenantScope?

    /// The caller as the engine takes it.
    package var caller: TenantCaller { TenantCaller(tenant: tenant, principal: principal) }

    /// The scope of the running tenant-scoped request. Only the handlers registered under the tenant
    /// route group call this, and that group always sets it; outside it this throws.
    package static func required() throws -> TenantScope {
        guard let current else { throw ScopeError.tenantNotResolved }
        return current
    }
}

/// A handler ran outside the scope its route group guarantees: a programming error, reported as 500.
package enum ScopeError: Error {
    case tenantNotResolved
    case supportNotResolved
    case personNotResolved
    case administratorNotResolved
}

import HTTPTypes
import Hummingbird
import OpenAPIHummingbird
import OpenAPIRuntime

/// Where the generated operations are registered: each path goes to the route group its prefix names.
///
/// - `/api/v1/tenants/{tenantId}/…` → the tenant group (gate → authentication → `TenantRequestContext`)
/// - `/api/v1/support/…` → the support group (authentication → `SupportRequestContext`)
/// - `/api/v1/me/…` → the person group (authentication → `PersonRequestContext`)
/// - `/api/v1/onboarding/{tenantId}/…` → the administrator group (resolve, no gate → authentication →
///   `OnboardingRequestContext` → administrator check)
/// - anything else → the public router
///
/// Because the split is by prefix, a new tenant-scoped operation in `openapi.yaml` is gated without
/// anyone remembering to.
struct APITransport: ServerTransport {
    static let tenantPrefix = "/api/v1/tenants/{tenantId}"
    static let supportPrefix = "/api/v1/support"
    static let personPrefix = "/api/v1/me"
    static let onboardingPrefix = "/api/v1/onboarding/{tenantId}"

    let router: Router<AppRequestContext>
    let tenantGroup: RouterGroup<TenantRequestContext>
    let supportGroup: RouterGroup<SupportRequestContext>
    let personGroup: RouterGroup<PersonRequestContext>
    let onboardingGroup: RouterGroup<OnboardingRequestContext>
    /// Every registered template and method, for 405 on an undeclared method.
    let routes: RouteTable

    func register(
        _ handler: @escaping @Sendable (HTTPRequest, HTTPBody?, ServerRequestMetadata) async throws -> (
            HTTPResponse, HTTPBody?
        ),
        method: HTTPRequest.Method,
        path: String
    ) throws {
        routes.add(method, path)
        if path.hasPrefix(Self.tenantPrefix + "/") {
            tenantGroup.register(handler, method: method, path: String(path.dropFirst(Self.tenantPrefix.count + 1)))
        } else if path.hasPrefix(Self.supportPrefix + "/") {
            supportGroup.register(handler, method: method, path: String(path.dropFirst(Self.supportPrefix.count + 1)))
        } else if path.hasPrefix(Self.onboardingPrefix + "/") {
            onboardingGroup.register(
                handler, method: method, path: String(path.dropFirst(Self.onboardingPrefix.count + 1)))
        } else if path.hasPrefix(Self.personPrefix + "/") {
            personGroup.register(handler, method: method, path: String(path.dropFirst(Self.personPrefix.count + 1)))
        } else {
            router.register(handler, method: method, path: path)
        }
    }
}

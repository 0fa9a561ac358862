import Domain
import Hummingbird
import Logging

/// The context of every request: its id, and what the middleware chain has established so far.
///
/// `tenant` and `principal` are optional here because they are filled in step by step; handlers never
/// see this context for tenant-scoped or support routes, only the child contexts that require them.
package struct AppRequestContext: RequestContext {
    package var coreContext: CoreRequestContextStorage
    package var requestID: String = ""
    package var tenant: Tenant?
    package var principal: Principal?
    /// The session token, when the request authenticated with one (for logout only; never logged).
    package var sessionToken: String?
    package var csrfToken: String?

    package init(source: ApplicationRequestContextSource) {
        self.coreContext = .init(source: source)
    }
}

import Domain
import HTTPTypes
import Hummingbird

/// What the pages need of the server's request context: its id (shown on error pages) and the person of
/// the session, which `SessionMiddleware` fills in from the cookie. The API's context adopts it, so the
/// pages and the JSON API run in one router with one context type.
package protocol PortalRequestContext: RequestContext {
    var requestID: String { get }
    var principal: Principal? { get set }
    /// The session token of the cookie, when it names a live session (never logged).
    var sessionToken: String? { get set }
    /// The session's CSRF token, derived once from `sessionToken` where that is set: a page reads it for
    /// every form it shows, and each derivation is an HMAC.
    var csrfToken: String? { get set }
}

import Domain
import HTTPTypes
import Hummingbird

/// Who is looking at a page: the person of the session, if any, and the session's CSRF token, which every
/// form posted by a logged-in person must carry.
struct Visitor: Sendable {
    let principal: Principal?
    let csrfToken: String?

    init(principal: Principal?, sessionToken: String?) {
        self.principal = principal
        self.csrfToken = sessionToken.map(CSRFToken.init(sessionToken:)).map(\.value)
    }

    init(principal: Principal?, csrfToken: String?) {
        self.principal = principal
        self.csrfToken = csrfToken
    }

    /// The person, or a redirect to the login page that comes back to `returnPath`.
    func requirePrincipal(returningTo returnPath: String) throws -> Principal {
        guard let principal else { throw LoginRequired(returnPath: returnPath) }
        return principal
    }
}

extension PortalRequestContext {
    var visitor: Visitor { Visitor(principal: principal, csrfToken: csrfToken) }
}

extension Request {
    /// The path and query of the request, to come back to after logging in.
    var pathAndQuery: String {
        uri.query.map { uri.path + "?" + $0 } ?? uri.path
    }
}

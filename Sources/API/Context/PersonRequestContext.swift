import Domain
import Hummingbird
import Identity
import Logging

/// The context of a request about the logged-in person across tenants: it exists only with a verified
/// person, and names no tenant.
package struct PersonRequestContext: ChildRequestContext {
    package var coreContext: CoreRequestContextStorage
    package let requestID: String
    package let principal: Principal
    let sessionToken: String?

    package init(context: AppRequestContext) throws {
        guard let principal = context.principal else { throw AuthenticationError.missingToken }
        self.coreContext = context.coreContext
        self.requestID = context.requestID
        self.principal = principal
        self.sessionToken = context.sessionToken
    }

    package var scope: PersonScope {
        PersonScope(principal: principal, requestID: requestID, logger: logger, sessionToken: sessionToken)
    }
}

/// What a person operation works with: the authenticated person.
package struct PersonScope: Sendable {
    package let principal: Principal
    package let requestID: String
    package let logger: Logger
    let sessionToken: String?

    @TaskLocal package static var current: PersonScope?

    package static func required() throws -> PersonScope {
        guard let current else { throw ScopeError.personNotResolved }
        return current
    }
}

import Domain
import Hummingbird
import Identity
import Logging

/// The context of a support-only request: it exists only for a person listed as support staff.
package struct SupportRequestContext: ChildRequestContext {
    package var coreContext: CoreRequestContextStorage
    package let requestID: String
    package let principal: Principal

    package init(context: AppRequestContext) throws {
        guard let principal = context.principal else { throw AuthenticationError.missingToken }
        guard principal.isSupport else { throw AccessError.supportOnly }
        self.coreContext = context.coreContext
        self.requestID = context.requestID
        self.principal = principal
    }

    package var scope: SupportScope { SupportScope(principal: principal, requestID: requestID, logger: logger) }
}

/// What a support operation works with: the support person, for the audit trail.
package struct SupportScope: Sendable {
    package let principal: Principal
    package let requestID: String
    package let logger: Logger

    @TaskLocal package static var current: SupportScope?

    package static func required() throws -> SupportScope {
        guard let current else { throw ScopeError.supportNotResolved }
        return current
    }

    /// How this person is named in the registry's event log.
    package var actor: String { "support:\(principal.subject)" }
}

import Domain
import Engine
import Hummingbird
import Identity
import Logging

/// The context of a support-only request: it exists only for a person listed as support staff.
package struct SupportRequestContext: ChildRequestContext {
    package var coreContext: CoreRequestContextStorage
    package let requestID: String
    package let caller: PlatformCaller
    package let principal: Principal

    package init(context: AppRequestContext) throws {
        guard let principal = context.principal else { throw AuthenticationError.missingToken }
        self.coreContext = context.coreContext
        self.requestID = context.requestID
        self.caller = try PlatformCaller(support: principal)
        self.principal = principal
    }

    package var scope: SupportScope {
        SupportScope(caller: caller, principal: principal, requestID: requestID, logger: logger)
    }
}

/// What a support operation works with: the support person, as the engine admitted them.
package struct SupportScope: Sendable {
    package let caller: PlatformCaller
    /// The support person behind `caller`.
    package let principal: Principal
    package let requestID: String
    package let logger: Logger

    @TaskLocal package static var current: SupportScope?

    package static func required() throws -> SupportScope {
        guard let current else { throw ScopeError.supportNotResolved }
        return current
    }
}

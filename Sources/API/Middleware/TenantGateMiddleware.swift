import Domain
import Foundation
import Hummingbird
import Storage

/// Resolves the tenant a request names and lets it through only if it may be used.
///
/// Runs before authentication and before any tenant file is touched: an unknown id is 404, an id that
/// is not a valid `TenantID` (upper case, `..`, too long) is 400, and a tenant that is not active is 403
/// with the reason (`agreement.required`, `tenant.suspended`, `tenant.terminated`).
package struct TenantGateMiddleware: RouterMiddleware {
    package typealias Context = AppRequestContext
    let registry: Registry
    let now: @Sendable () -> Date

    package init(registry: Registry, now: @escaping @Sendable () -> Date) {
        self.registry = registry
        self.now = now
    }

    package func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        guard let raw = context.parameters.get("tenantId") else { throw RequestError.invalidParameter("tenantId") }
        let id = try TenantID(raw)
        guard let tenant = try registry.tenant(id) else { throw TenantError.unknown(id) }
        if let refusal = tenant.gateRefusal(at: now()) {
            // A closed tenant still lets a LIS take their own sealed records until the data is deleted; the
            // engine lets only the LIS themselves through these two reads.
            guard tenant.isClosedWithRecordsToTake(at: now()), Self.isRecordToTake(request) else { throw refusal }
        }
        var context = context
        context.tenant = tenant
        return try await next(request, context)
    }

    static func isRecordToTake(_ request: Request) -> Bool {
        guard request.method == .get else { return false }
        let path = request.uri.path
        return path.hasSuffix("/approved-record") || path.hasSuffix("/completion")
    }
}

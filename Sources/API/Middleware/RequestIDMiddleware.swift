import Domain
import Foundation
import HTTPTypes
import Hummingbird
import Logging
import OpenAPIRuntime
import Storage

/// The outermost step: gives the request an id, puts the id (and the tenant, when the path names a valid
/// one) on every log line of the request, turns errors into problem+json, and writes one access-log line.
///
/// Logged: method, path, status, duration. Never headers (tokens) or bodies (personal data).
package struct RequestIDMiddleware: RouterMiddleware {
    package typealias Context = AppRequestContext

    package init() {}

    package func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        var context = context
        let requestID = Self.acceptedID(request.headers[.requestID]) ?? Self.newID()
        context.requestID = requestID
        // Both keys in one assignment: the stream handler formats all of its metadata again on every change.
        var metadata = context.logger.handler.metadata
        metadata["request_id"] = .string(requestID)
        if let tenant = Self.tenantNamed(in: request.uri.path) { metadata["tenant"] = .string(tenant.rawValue) }
        context.logger.handler.metadata = metadata
        let started = ContinuousClock.now
        var response: Response
        do {
            response = try await next(request, context)
        } catch {
            let mapped = ProblemMapping.map(error)
            if !mapped.expected {
                // The type of what failed, never its description: that may quote values from the request.
                // A SQLite failure adds its result codes, which tell a full disk from a constraint.
                let underlying = (error as? ServerError)?.underlyingError ?? error
                var metadata = SQLiteResultCode(underlying)?.logMetadata ?? [:]
                metadata["error"] = "\(String(reflecting: type(of: underlying)))"
                context.logger.error("request failed", metadata: metadata)
                context.logger.debug("request failure detail", metadata: ["error": "\(error)"])
            }
            response = mapped.problem.response(requestID: requestID, headers: mapped.headers)
        }
        response.headers[.requestID] = requestID
        let elapsed = ContinuousClock.now - started
        context.logger.info(
            "request",
            metadata: [
                "method": .string(request.method.rawValue), "path": .string(request.uri.path),
                "status": .stringConvertible(response.status.code),
                "ms": .string(String(format: "%.2f", Double(elapsed.components.attoseconds) / 1e15
                    + Double(elapsed.components.seconds) * 1000)),
            ])
        return response
    }

    /// An inbound id is kept (so a proxy's id links the logs) only if it is short and plain.
    private static func acceptedID(_ value: String?) -> String? {
        guard let value, (8...64).contains(value.utf8.count),
            value.utf8.allSatisfy({ $0 == 0x2D || ($0 >= 0x30 && $0 <= 0x39) || ($0 | 0x20 >= 0x61 && $0 | 0x20 <= 0x7A) })
        else { return nil }
        return value
    }

    private static func newID() -> String {
        var generator = SystemRandomNumberGenerator()
        return String(generator.next() as UInt64, radix: 16, uppercase: false)
    }

    /// The tenant a tenant-scoped or support path names, if it is a valid id. Every request passes here, so
    /// the path is matched by its prefix rather than split.
    private static func tenantNamed(in path: String) -> TenantID? {
        let rest: Substring
        if path.hasPrefix("/api/v1/tenants/") {
            rest = path.dropFirst("/api/v1/tenants/".count)
        } else if path.hasPrefix("/api/v1/support/tenants/") {
            rest = path.dropFirst("/api/v1/support/tenants/".count)
        } else {
            return nil
        }
        let segment = rest.prefix { $0 != "/" }
        guard !segment.isEmpty else { return nil }
        return try? TenantID(String(segment))
    }
}

extension HTTPField.Name {
    package static let requestID = HTTPField.Name("X-Request-ID")!
}

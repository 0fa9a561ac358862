import Foundation
import HTTPTypes
import HummingbirdTesting

/// Every tenant-scoped operation the server publishes, read from its own OpenAPI document, so that a new
/// route is covered by the gate and isolation tests without anyone adding it to a list.
struct TenantOperation: Sendable, CustomStringConvertible {
    let method: HTTPRequest.Method
    let pathTemplate: String

    var description: String { "\(method.rawValue) \(pathTemplate)" }

    func uri(tenant: String, traineeID: String = UUID().uuidString.lowercased()) -> String {
        pathTemplate.replacingOccurrences(of: "{tenantId}", with: tenant)
            .replacingOccurrences(of: "{traineeId}", with: traineeID)
    }

    /// Parses the `paths` of the served document (two-space YAML, as the project writes it).
    static func all(in document: String) -> [TenantOperation] {
        var operations: [TenantOperation] = []
        var currentPath: String?
        for line in document.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("  /"), line.hasSuffix(":") {
                currentPath = String(line.dropFirst(2).dropLast())
            } else if !line.hasPrefix("  ") {
                currentPath = nil
            } else if let path = currentPath, path.hasPrefix("/api/v1/tenants/{tenantId}/") {
                for method in ["get", "post", "put", "patch", "delete"] where line == "    \(method):" {
                    operations.append(TenantOperation(method: .init(method.uppercased())!, pathTemplate: path))
                }
            }
        }
        return operations
    }

    static func fetchAll(_ client: any TestClientProtocol) async throws -> [TenantOperation] {
        let document = try await client.execute(uri: "/api/v1/openapi.yaml", method: .get) { String(buffer: $0.body) }
        return all(in: document)
    }
}

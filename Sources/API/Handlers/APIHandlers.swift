import Domain
import Foundation
import OpenAPIRuntime
import Web

/// The implementation of the operations in `openapi.yaml`: thin steps that decode, call the engine,
/// and encode. Tenant-scoped and support operations live in their own extensions and obtain their scope
/// from the route group that let the request in.
struct APIHandlers: APIProtocol {
    let services: AppServices
    let openAPIDocument: Data
    /// The printable HTML of the progress reports (templates of the `Web` target).
    let reports: ReportRenderer

    func getLiveness(_ input: Operations.GetLiveness.Input) async throws -> Operations.GetLiveness.Output {
        .ok(.init(body: .plainText("ok")))
    }

    func getReadiness(_ input: Operations.GetReadiness.Input) async throws -> Operations.GetReadiness.Output {
        do {
            try services.registry.ping()
        } catch {
            services.logger.error("readiness: registry unreachable")
            throw AvailabilityError.registryUnavailable
        }
        let degraded = services.tenantStore.degradedTenants.map(\.rawValue)
        let backup = services.backup.map { Components.Schemas.BackupReadiness($0.status, now: services.now()) }
        return .ok(
            .init(
                body: .json(
                    .init(status: degraded.isEmpty ? "ready" : "degraded", degradedTenants: degraded, backup: backup))))
    }

    func getOpenAPIDocument(_ input: Operations.GetOpenAPIDocument.Input) async throws
        -> Operations.GetOpenAPIDocument.Output
    {
        .ok(.init(body: .yaml(HTTPBody(openAPIDocument))))
    }

    func getDevelopmentIssuerDiscovery(_ input: Operations.GetDevelopmentIssuerDiscovery.Input) async throws
        -> Operations.GetDevelopmentIssuerDiscovery.Output
    {
        guard let issuer = services.developmentIssuer else { throw RequestError.routeNotFound }
        return .ok(.init(body: .json(try JSONDecoder().decode(OpenAPIObjectContainer.self, from: Data(issuer.discoveryJSON.utf8)))))
    }

    func getDevelopmentIssuerKeys(_ input: Operations.GetDevelopmentIssuerKeys.Input) async throws
        -> Operations.GetDevelopmentIssuerKeys.Output
    {
        guard let issuer = services.developmentIssuer else { throw RequestError.routeNotFound }
        return .ok(.init(body: .json(try JSONDecoder().decode(OpenAPIObjectContainer.self, from: Data(issuer.jwksJSON.utf8)))))
    }
}

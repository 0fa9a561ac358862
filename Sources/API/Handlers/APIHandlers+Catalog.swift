import Domain
import Foundation
import OpenAPIRuntime
import Storage

/// The plan catalog, for support: the same all-or-nothing import as `kp catalog import`.
extension APIHandlers {
    func listCatalog(_ input: Operations.ListCatalog.Input) async throws -> Operations.ListCatalog.Output {
        _ = try SupportScope.required()
        let plans = try services.registry.catalogPlans()
        return .ok(.init(body: .json(.init(plans: plans.map {
            .init(
                key: $0.plan.key.rawValue, version: $0.plan.version, name: $0.name, effectiveFrom: $0.effectiveFrom.iso,
                sample: $0.isSample, objectives: $0.objectiveCount)
        }))))
    }

    func importCatalog(_ input: Operations.ImportCatalog.Input) async throws -> Operations.ImportCatalog.Output {
        let scope = try SupportScope.required()
        let body: HTTPBody
        switch input.body {
        case .csv(let csv): body = csv
        case .binary(let file): body = file
        }
        let data = Data(try await [UInt8](collecting: body, upTo: services.configuration.http.maxUploadBytes))
        let plans = try CatalogImport.parse(data)
        let decisions = try await services.registry.importCatalog(plans, actor: scope.actor, at: services.now())
        var added: [String] = []
        var unchanged: [String] = []
        for decision in decisions {
            switch decision {
            case .added(let plan): added.append("\(plan.reference)")
            case .unchanged(let reference): unchanged.append("\(reference)")
            }
        }
        scope.logger.info("catalog imported", metadata: ["added": "\(added.count)", "unchanged": "\(unchanged.count)"])
        return .ok(.init(body: .json(.init(added: added, unchanged: unchanged))))
    }
}

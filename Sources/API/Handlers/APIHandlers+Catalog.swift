import Domain
import Foundation
import OpenAPIRuntime
import Engine
import Storage

/// The plan catalog, for support: the same all-or-nothing import as `kp catalog import`.
extension APIHandlers {
    func listCatalog(_ input: Operations.ListCatalog.Input) async throws -> Operations.ListCatalog.Output {
        let scope = try SupportScope.required()
        let plans = try services.engine.catalog.plans(by: scope.caller)
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
        let decisions = try await services.engine.catalog.importFile(data, by: scope.caller)
        var added: [String] = []
        var unchanged: [String] = []
        for decision in decisions {
            switch decision {
            case .added(let plan): added.append("\(plan.reference)")
            case .unchanged(let reference): unchanged.append("\(reference)")
            }
        }
        return .ok(.init(body: .json(.init(added: added, unchanged: unchanged))))
    }
}

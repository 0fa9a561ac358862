import Domain
import Foundation
import Storage

/// The plan catalog: support imports plan versions (all or nothing, every problem named), everyone reads
/// the plans in force.
package struct CatalogDesk: Sendable {
    let engine: Engine

    /// Every stored plan version, for support.
    package func plans(by caller: PlatformCaller) throws -> [CatalogPlanSummary] {
        try engine.registry.catalogPlans()
    }

    /// Parses a CSV or JSON catalog file (by content) and imports it in one registry transaction, with an
    /// audit entry per added version; a file with any problem writes nothing.
    /// Returns, per plan version in the file, whether it was added or already there with the same content.
    /// `progress` is told the plan versions written so far, and how many the file has.
    package func importFile(
        _ data: Data, by caller: PlatformCaller,
        progress: @escaping @Sendable (_ done: Int, _ total: Int) -> Void = { _, _ in }
    ) async throws -> [PlanImportDecision] {
        let plans = try CatalogImport.parse(data)
        let total = plans.count
        let decisions = try await engine.registry.importCatalog(plans, actor: caller.actor, at: engine.now()) {
            progress($0, total)
        }
        let added = decisions.filter { if case .added = $0 { true } else { false } }.count
        engine.logger.info("catalog imported", metadata: ["added": "\(added)", "unchanged": "\(decisions.count - added)"])
        return decisions
    }
}

extension Engine {
    /// The plan catalog.
    package var catalog: CatalogDesk { CatalogDesk(engine: self) }
}

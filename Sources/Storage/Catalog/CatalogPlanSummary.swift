import Domain
import Foundation

/// One plan version in the registry's catalog, without its objectives: what `kp catalog list` and the
/// plan picker show.
package struct CatalogPlanSummary: Sendable, Equatable {
    package let plan: PlanReference
    package let name: String
    package let programmes: [Programme]
    package let effectiveFrom: CalendarDate
    package let isSample: Bool
    package let objectiveCount: Int
    /// SHA-256 of the stored canonical JSON: the same in every tenant that copied this version.
    package let sha256: String
    package let importedAt: Date
    package let importedBy: String
}

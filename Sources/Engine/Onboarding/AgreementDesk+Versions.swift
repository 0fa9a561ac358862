import Domain
import Foundation
import Storage

extension AgreementDesk {
    /// The published template versions a paper agreement can be registered on, newest first, and the one
    /// new agreements are signed on today (the console preselects it).
    package func templateVersions(by caller: PlatformCaller) throws -> (current: String, versions: [String]) {
        let catalogue = try engine.contracts.catalogue()
        let current = try catalogue.currentTemplate(on: engine.now().isoDay).version
        let versions = catalogue.templates.sorted { $0.effectiveDate > $1.effectiveDate }.map(\.version)
        return (current, versions)
    }
}

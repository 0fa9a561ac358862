/// Whether a parsed plan may join the stored catalog.
///
/// A published version never changes, because LIS stay on the version they were assigned and approvals
/// point at it: a correction is a new version, never an edit.
extension Plan {
    package func decideImport(existing: [Plan]) throws(CatalogImportError) -> PlanImportDecision {
        guard let stored = existing.first(where: { $0.key == key && $0.version == version }) else {
            return .added(self)
        }
        guard stored == self else { throw CatalogImportError(line: nil, field: "plan", reason: .versionConflict(reference)) }
        return .unchanged(reference)
    }
}

extension CatalogImport {
    /// Decides every plan of a parsed file against the stored catalog; any conflict refuses the whole file.
    package static func reconcile(_ incoming: [Plan], existing: [Plan]) throws(CatalogImportFailure)
        -> [PlanImportDecision]
    {
        var decisions: [PlanImportDecision] = []
        var errors: [CatalogImportError] = []
        for plan in incoming {
            do throws(CatalogImportError) {
                decisions.append(try plan.decideImport(existing: existing))
            } catch {
                errors.append(error)
            }
        }
        guard errors.isEmpty else { throw CatalogImportFailure(errors: errors) }
        return decisions
    }
}

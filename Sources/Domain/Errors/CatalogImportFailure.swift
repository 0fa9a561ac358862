/// Every problem found in a catalog file. An import is all-or-nothing: nothing is stored unless this list
/// would be empty, and the user sees the whole list at once rather than one problem per attempt.
package struct CatalogImportFailure: DescribedFailure, Equatable {
    package let errors: [CatalogImportError]

    package init(errors: [CatalogImportError]) {
        self.errors = errors
    }

    package var code: String { "catalog.invalid" }

    package var detail: String {
        "the catalog has \(errors.count) problem\(errors.count == 1 ? "" : "s"): "
            + errors.prefix(20).map(\.detail).joined(separator: "; ")
    }

    package var message: String {
        "Katalogen har \(errors.count) feil, og ingenting er lagret. Rett alle feilene og importer filen på nytt."
    }

    /// The distinct machine codes, in order of first appearance (handy for tests and problem+json).
    package var codes: [String] {
        var seen: Set<String> = []
        return errors.map(\.code).filter { seen.insert($0).inserted }
    }

    /// A conflict when every problem is a conflict with the stored catalog; otherwise the file is invalid.
    package var category: FailureCategory {
        errors.allSatisfy { $0.category == .conflict } && !errors.isEmpty ? .conflict : .invalid
    }
}

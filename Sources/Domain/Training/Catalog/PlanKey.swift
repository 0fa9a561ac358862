/// The stable key of an education plan across its versions, e.g. `lis1-kommune`, `alm`, `fkm`.
///
/// The same alphabet as `TenantID` (lower-case ASCII, digits, single inner hyphens), so a key is safe in a
/// path, a query and a file name.
package struct PlanKey: Hashable, Sendable, Comparable, CustomStringConvertible {
    package static let maxLength = 63

    package let rawValue: String

    package init(_ raw: String, field: String = "planKey") throws(ValidationError) {
        try raw.checkSlug(field: field, maxLength: Self.maxLength)
        self.rawValue = raw
    }

    private init(unchecked: String) { self.rawValue = unchecked }

    /// LIS1, the kommune half: assigned automatically.
    package static let lis1Kommune = PlanKey(unchecked: "lis1-kommune")
    /// Allmennmedisin (ALM): assigned to an ALIS by the leder.
    package static let alm = PlanKey(unchecked: "alm")
    /// Felles kompetansemål (FKM): assigned to an ALIS by the leder.
    package static let fkm = PlanKey(unchecked: "fkm")

    package var description: String { rawValue }

    package static func < (lhs: PlanKey, rhs: PlanKey) -> Bool { lhs.rawValue < rhs.rawValue }
}

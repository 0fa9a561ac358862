/// The stable identifier of a tenant, validated at construction.
///
/// Because only lower-case ASCII letters, digits and single inner hyphens pass, a `TenantID` can never
/// be `..`, contain `/`, or otherwise escape the tenant folder when it becomes a path component.
package struct TenantID: Hashable, Sendable, CustomStringConvertible, Comparable {
    package static let maxLength = 63

    package let rawValue: String

    package init(_ raw: String, field: String = "tenantId") throws(ValidationError) {
        try raw.checkSlug(field: field, maxLength: Self.maxLength)
        self.rawValue = raw
    }

    /// The conventional id of a kommune's tenant, derived from its kommunenummer (`kommune-0301`).
    package static func kommune(_ number: Kommunenummer) -> TenantID {
        // A fixed prefix and four digits always satisfy the rules above.
        TenantID(unchecked: "kommune-\(number.rawValue)")
    }

    private init(unchecked: String) { self.rawValue = unchecked }

    package var description: String { rawValue }

    package static func < (lhs: TenantID, rhs: TenantID) -> Bool { lhs.rawValue < rhs.rawValue }
}

extension String {
    /// The identifier alphabet shared by tenant ids and plan keys: lower-case ASCII letters, digits and
    /// single inner hyphens, at most `maxLength` bytes; safe in a path, a query and a file name.
    func checkSlug(field: String, maxLength: Int) throws(ValidationError) {
        guard !isEmpty else { throw ValidationError(field: field, reason: .missing) }
        guard utf8.count <= maxLength else { throw ValidationError(field: field, reason: .tooLong(max: maxLength)) }
        // Hyphens are checked on the bytes in the same pass: `contains("--")` went through Foundation's
        // string search, which showed in the profile of every write that names a plan.
        var previous: UInt8 = 0x2D
        var misplacedHyphen = false
        for byte in utf8 {
            let allowed = (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39) || byte == 0x2D
            guard allowed else { throw ValidationError(field: field, reason: .illegalCharacters) }
            if byte == 0x2D && previous == 0x2D { misplacedHyphen = true }
            previous = byte
        }
        guard !misplacedHyphen, previous != 0x2D else {
            throw ValidationError(field: field, reason: .notAllowed("hyphens may not lead, trail or repeat"))
        }
    }
}

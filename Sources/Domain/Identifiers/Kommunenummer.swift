/// A four-digit kommunenummer; the first two digits are the fylke.
///
/// Syntax is checked here; membership in the 2024 list is checked against the seed data by the registry,
/// which owns that list.
package struct Kommunenummer: Hashable, Sendable, CustomStringConvertible, Comparable {
    package let rawValue: String

    package init(_ raw: String, field: String = "kommunenummer") throws(ValidationError) {
        guard !raw.isEmpty else { throw ValidationError(field: field, reason: .missing) }
        guard raw.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else {
            throw ValidationError(field: field, reason: .notDigits)
        }
        guard raw.utf8.count == 4 else { throw ValidationError(field: field, reason: .wrongLength(expected: 4)) }
        self.rawValue = raw
    }

    package var fylkesnummer: String { String(rawValue.prefix(2)) }
    package var description: String { rawValue }
    package static func < (lhs: Kommunenummer, rhs: Kommunenummer) -> Bool { lhs.rawValue < rhs.rawValue }
}

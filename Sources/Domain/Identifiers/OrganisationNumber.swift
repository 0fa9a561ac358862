/// A Norwegian organisasjonsnummer: nine digits whose last is a mod-11 check digit.
///
/// Tenants are keyed on it as well as on their id: a kommune keeps its organisation number when a
/// merger gives it a new kommunenummer.
package struct OrganisationNumber: Hashable, Sendable, CustomStringConvertible {
    private static let weights = [3, 2, 7, 6, 5, 4, 3, 2]

    package let rawValue: String

    package init(_ raw: String, field: String = "organisationNumber") throws(ValidationError) {
        let digits = Array(raw.utf8)
        guard !digits.isEmpty else { throw ValidationError(field: field, reason: .missing) }
        guard digits.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else {
            throw ValidationError(field: field, reason: .notDigits)
        }
        guard digits.count == 9 else { throw ValidationError(field: field, reason: .wrongLength(expected: 9)) }
        let values = digits.map { Int($0 - 0x30) }
        let sum = zip(values.prefix(8), Self.weights).reduce(0) { $0 + $1.0 * $1.1 }
        let check = 11 - sum % 11
        let expected: Int
        switch check {
        case 11: expected = 0
        case 10: throw ValidationError(field: field, reason: .badCheckDigit)
        default: expected = check
        }
        guard values[8] == expected else { throw ValidationError(field: field, reason: .badCheckDigit) }
        self.rawValue = raw
    }

    package var description: String { rawValue }
}

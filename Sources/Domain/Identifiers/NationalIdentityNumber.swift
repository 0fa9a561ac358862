/// A fødselsnummer, D-nummer or H-nummer, validated with both mod-11 check digits (including the 2032 rule)
/// and a date part that can be a date; the synthetic numbers of HelseID's and Tenor's test environments
/// (month + 80) only when the caller allows them.
///
/// Deliberately not `CustomStringConvertible` and not `Codable`: the number must never be logged, encoded
/// or stored in clear. The only thing to do with one is to hash it with a key (see `Identity.PIDHasher`).
package struct NationalIdentityNumber: Hashable, Sendable {
    private static let k1Weights = [3, 7, 6, 1, 8, 9, 4, 5, 2]
    private static let k2Weights = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2]

    /// What the number is, from its date part.
    package enum Kind: Sendable, Equatable {
        /// Fødselsnummer: a person registered as resident.
        case birthNumber
        /// D-nummer: the first digit plus 4.
        case dNumber
        /// H-nummer: a help number the health sector gives before a real one exists; the month plus 40.
        case hNumber
        /// A synthetic test person (month plus 80), never a real person.
        case synthetic
    }

    /// The eleven digits, for hashing only.
    package let digits: String
    package let kind: Kind

    /// - Parameter allowing2032Rule: from 2032 the first check digit may also use remainders 1–3.
    /// - Parameter allowingSynthetic: accept test environments' synthetic numbers (month + 80); never in
    ///   production, where such a number means a test identity reached a real system.
    package init(
        _ raw: String, allowing2032Rule: Bool = true, allowingSynthetic: Bool = false, field: String = "pid"
    ) throws(ValidationError) {
        let bytes = Array(raw.utf8)
        guard !bytes.isEmpty else { throw ValidationError(field: field, reason: .missing) }
        guard bytes.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else {
            throw ValidationError(field: field, reason: .notDigits)
        }
        guard bytes.count == 11 else { throw ValidationError(field: field, reason: .wrongLength(expected: 11)) }
        let d = bytes.map { Int($0 - 0x30) }
        let kind = try Self.kind(day: d[0] * 10 + d[1], month: d[2] * 10 + d[3], field: field)
        if kind == .synthetic && !allowingSynthetic {
            throw ValidationError(field: field, reason: .notAllowed("a synthetic test number is not accepted here"))
        }
        let sum1 = zip(d.prefix(9), Self.k1Weights).reduce(0) { $0 + $1.0 * $1.1 }
        // The first check digit has weight 1, so the weighted sum including it must leave remainder 0
        // (the classic rule), or 0–3 from 2032.
        let remainder1 = (sum1 + d[9]) % 11
        let k1Valid = remainder1 == 0 || (allowing2032Rule && remainder1 <= 3)
        guard k1Valid else { throw ValidationError(field: field, reason: .badCheckDigit) }
        let sum2 = zip(d.prefix(10), Self.k2Weights).reduce(0) { $0 + $1.0 * $1.1 }
        let rest2 = sum2 % 11
        let k2 = rest2 == 0 ? 0 : 11 - rest2
        guard k2 != 10, d[10] == k2 else { throw ValidationError(field: field, reason: .badCheckDigit) }
        self.digits = raw
        self.kind = kind
    }

    /// The kind from the date part: D-numbers add 40 to the day, H-numbers 40 to the month, synthetic
    /// numbers 80 to the month (a synthetic D-number does both).
    private static func kind(day rawDay: Int, month rawMonth: Int, field: String) throws(ValidationError) -> Kind {
        let (day, isD) = rawDay > 40 ? (rawDay - 40, true) : (rawDay, false)
        let kind: Kind
        let month: Int
        switch rawMonth {
        case 1...12: (kind, month) = (isD ? .dNumber : .birthNumber, rawMonth)
        case 41...52 where !isD: (kind, month) = (.hNumber, rawMonth - 40)
        case 81...92: (kind, month) = (.synthetic, rawMonth - 80)
        default: throw ValidationError(field: field, reason: .notAllowed("the date part is not a date"))
        }
        guard (1...31).contains(day), (1...12).contains(month) else {
            throw ValidationError(field: field, reason: .notAllowed("the date part is not a date"))
        }
        return kind
    }
}

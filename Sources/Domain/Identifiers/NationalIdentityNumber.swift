/// A fødselsnummer or D-nummer, validated with both mod-11 check digits (including the 2032 rule).
///
/// Deliberately not `CustomStringConvertible` and not `Codable`: the number must never be logged, encoded
/// or stored in clear. The only thing to do with one is to hash it with a key (see `Identity.PIDHasher`).
package struct NationalIdentityNumber: Hashable, Sendable {
    private static let k1Weights = [3, 7, 6, 1, 8, 9, 4, 5, 2]
    private static let k2Weights = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2]

    /// The eleven digits, for hashing only.
    package let digits: String

    /// - Parameter allowing2032Rule: from 2032 the first check digit may also use remainders 1–3.
    package init(_ raw: String, allowing2032Rule: Bool = true, field: String = "pid") throws(ValidationError) {
        let bytes = Array(raw.utf8)
        guard !bytes.isEmpty else { throw ValidationError(field: field, reason: .missing) }
        guard bytes.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else {
            throw ValidationError(field: field, reason: .notDigits)
        }
        guard bytes.count == 11 else { throw ValidationError(field: field, reason: .wrongLength(expected: 11)) }
        let d = bytes.map { Int($0 - 0x30) }
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
    }
}

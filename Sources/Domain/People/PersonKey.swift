/// The stable key of a person across tenants: a keyed hash (HMAC-SHA-256, hex) of their national
/// identity number.
///
/// The number itself never reaches storage; with the key kept outside the database, a stolen database
/// file does not reveal who the people in it are.
package struct PersonKey: Hashable, Sendable, CustomStringConvertible {
    package let hex: String

    package init(hex: String) throws(ValidationError) {
        guard hex.utf8.count == 64, hex.utf8.allSatisfy({ ($0 >= 0x30 && $0 <= 0x39) || ($0 >= 0x61 && $0 <= 0x66) })
        else { throw ValidationError(field: "personKey", reason: .notAllowed("must be 64 lower-case hex digits")) }
        self.hex = hex
    }

    /// From the 32 bytes of a keyed hash.
    package init(digest: some Sequence<UInt8>) {
        self.hex = digest.hexEncoded
    }

    /// A short prefix for logs; never the whole key.
    package var description: String { "pk:" + hex.prefix(8) }
}

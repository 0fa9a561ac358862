/// The digits of lower-case hex, the one encoding the product stores hashes and UUIDs in.
package let lowercaseHexDigits: StaticString = "0123456789abcdef"

/// Lower-case hex, the one encoding the product stores hashes in (person keys, token and state hashes,
/// audit chain, contract manifests).
extension Sequence<UInt8> {
    package var hexEncoded: String {
        let digits = lowercaseHexDigits.utf8Start
        var hex: [UInt8] = []
        hex.reserveCapacity(underestimatedCount * 2)
        for byte in self {
            hex.append(digits[Int(byte >> 4)])
            hex.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: hex, as: UTF8.self)
    }
}

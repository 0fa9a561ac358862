/// Lower-case hex, the one encoding the product stores hashes in (person keys, token and state hashes,
/// audit chain, contract manifests).
extension Sequence<UInt8> {
    package var hexEncoded: String {
        let digits = Array("0123456789abcdef".utf8)
        var hex: [UInt8] = []
        hex.reserveCapacity(underestimatedCount * 2)
        for byte in self {
            hex.append(digits[Int(byte >> 4)])
            hex.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: hex, as: UTF8.self)
    }
}

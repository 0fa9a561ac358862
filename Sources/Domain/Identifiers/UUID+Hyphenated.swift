import Foundation

extension UUID {
    /// The UUID in `text`, which must be in the canonical form (36 characters: hex digits in either case,
    /// hyphens after the 8th, 12th, 16th and 20th), parsed without the `sscanf` that Foundation's parser
    /// calls 16 times: every row a request reads names at least one UUID. For that form the value is
    /// Foundation's; where Foundation on Linux lets `sscanf` read a sign or a space inside a group
    /// (`…-883F--016D…`), this refuses, as no UUID the tenant files hold is written that way.
    package init?(hyphenated text: String) {
        let parsed: uuid_t?? = text.utf8.withContiguousStorageIfAvailable { Self.parse($0) }
        // A bridged string without contiguous UTF-8 is copied once.
        guard let value = parsed ?? Array(text.utf8).withUnsafeBufferPointer({ Self.parse($0) }) else { return nil }
        self.init(uuid: value)
    }

    private static func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> uuid_t? {
        guard bytes.count == 36, bytes[8] == 0x2D, bytes[13] == 0x2D, bytes[18] == 0x2D, bytes[23] == 0x2D else {
            return nil
        }
        func nibble(_ byte: UInt8) -> UInt8? {
            switch byte {
            case 0x30...0x39: byte - 0x30
            case 0x41...0x46: byte - 0x37
            case 0x61...0x66: byte - 0x57
            default: nil
            }
        }
        var value: uuid_t = (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var index = 0
        var ok = true
        withUnsafeMutableBytes(of: &value) { out in
            for position in 0..<16 {
                if index == 8 || index == 13 || index == 18 || index == 23 { index += 1 }
                guard let high = nibble(bytes[index]), let low = nibble(bytes[index + 1]) else {
                    ok = false
                    return
                }
                out[position] = high << 4 | low
                index += 2
            }
        }
        return ok ? value : nil
    }
}

extension UUID {
    /// `uuidString.lowercased()`, the form every tenant row stores, written without Foundation's formatter
    /// (which prints each byte through `sprintf`) and without a second string for the lowercasing.
    package var lowercasedText: String {
        withUnsafeBytes(of: uuid) { bytes in
            String(unsafeUninitializedCapacity: 36) { out in
                let digits = lowercaseHexDigits.utf8Start
                var index = 0
                for (position, byte) in bytes.enumerated() {
                    if position == 4 || position == 6 || position == 8 || position == 10 {
                        out[index] = 0x2D
                        index += 1
                    }
                    out[index] = digits[Int(byte >> 4)]
                    out[index + 1] = digits[Int(byte & 0x0F)]
                    index += 2
                }
                return index
            }
        }
    }
}

/// JSON written straight into bytes, where `Codable` encoding was most of the work: a hot response
/// (`ProgressReport+JSONText`) and the history stored with each learning activity.
///
/// It writes what `JSONEncoder` (with `.sortedKeys`) writes for the same value, byte for byte, so a reader
/// cannot tell the two apart: the same escapes (`\/` unless `escapingSlashes` is off, as with
/// `.withoutEscapingSlashes`; the five named control characters; `\u00xx` for the others) and keys in the
/// same order, which the writer's caller gives. The tests hold it to `JSONEncoder`'s output.
package struct JSONText {
    package private(set) var bytes: [UInt8] = []
    private let escapingSlashes: Bool

    package init(capacity: Int, escapingSlashes: Bool = true) {
        bytes.reserveCapacity(capacity)
        self.escapingSlashes = escapingSlashes
    }

    /// The bytes as a string (they are UTF-8: every string written was).
    package var text: String { String(decoding: bytes, as: UTF8.self) }

    /// Punctuation and keys: text the caller has written as JSON already (`{"name":`).
    package mutating func raw(_ text: StaticString) {
        text.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    package mutating func string(_ value: String) {
        bytes.append(UInt8(ascii: "\""))
        var value = value
        value.withUTF8 { utf8 in
            var start = 0
            for (index, byte) in utf8.enumerated()
            where byte < 0x20 || byte == 0x22 || byte == 0x5C || (byte == 0x2F && escapingSlashes) {
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start..<index]))
                escape(byte)
                start = index + 1
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start...]))
        }
        bytes.append(UInt8(ascii: "\""))
    }

    package mutating func int(_ value: Int) {
        // A decimal of up to 20 characters is a small string: no allocation.
        bytes.append(contentsOf: String(value).utf8)
    }

    package mutating func bool(_ value: Bool) {
        value ? raw("true") : raw("false")
    }

    /// `[…]` with `write` called for each element, commas between.
    package mutating func array<Element>(
        _ elements: some Sequence<Element>, _ write: (inout JSONText, Element) -> Void
    ) {
        bytes.append(UInt8(ascii: "["))
        var first = true
        for element in elements {
            if !first { bytes.append(UInt8(ascii: ",")) }
            first = false
            write(&self, element)
        }
        bytes.append(UInt8(ascii: "]"))
    }

    private mutating func escape(_ byte: UInt8) {
        bytes.append(UInt8(ascii: "\\"))
        switch byte {
        case 0x22, 0x5C, 0x2F: bytes.append(byte)
        case 0x08: bytes.append(UInt8(ascii: "b"))
        case 0x09: bytes.append(UInt8(ascii: "t"))
        case 0x0A: bytes.append(UInt8(ascii: "n"))
        case 0x0C: bytes.append(UInt8(ascii: "f"))
        case 0x0D: bytes.append(UInt8(ascii: "r"))
        default:
            let hex: StaticString = "0123456789abcdef"
            raw("u00")
            hex.withUTF8Buffer { digits in
                bytes.append(digits[Int(byte >> 4)])
                bytes.append(digits[Int(byte & 0x0F)])
            }
        }
    }
}

/// A parsed JSON value that remembers the line it started on, so catalog errors can point into the file.
///
/// Domain parses JSON itself rather than through `JSONDecoder`: it stays free of Foundation's reference
/// types, keeps object keys in file order, and can report every bad field with its line instead of stopping
/// at the first type mismatch.
package struct JSONNode: Sendable, Equatable {
    package enum Kind: Sendable, Equatable {
        case object([Member])
        case array([JSONNode])
        case string(String)
        /// The number as written; callers decide whether it must be an integer.
        case number(String)
        case bool(Bool)
        case null
    }

    package struct Member: Sendable, Equatable {
        package let key: String
        package let value: JSONNode
    }

    package let line: Int
    package let kind: Kind

    package var typeName: String {
        switch kind {
        case .object: "an object"
        case .array: "an array"
        case .string: "a string"
        case .number: "a number"
        case .bool: "true or false"
        case .null: "null"
        }
    }

    /// Parses one JSON document (RFC 8259) from UTF-8 bytes; the first syntax error stops it.
    package static func parse(_ bytes: [UInt8]) throws(CatalogImportError) -> JSONNode {
        var parser = Parser(bytes: bytes)
        parser.skipWhitespace()
        let node = try parser.value(depth: 0)
        parser.skipWhitespace()
        guard parser.index == bytes.count else { throw parser.failure("unexpected text after the end") }
        return node
    }

    private struct Parser {
        static let maximumDepth = 32

        let bytes: [UInt8]
        var index = 0
        var line = 1

        init(bytes: [UInt8]) { self.bytes = bytes }

        func failure(_ why: String) -> CatalogImportError {
            CatalogImportError(line: line, field: "json", reason: .malformed(why))
        }

        mutating func skipWhitespace() {
            while index < bytes.count {
                switch bytes[index] {
                case 0x0A: line += 1
                case 0x20, 0x09, 0x0D: break
                default: return
                }
                index += 1
            }
        }

        mutating func value(depth: Int) throws(CatalogImportError) -> JSONNode {
            guard depth < Self.maximumDepth else { throw failure("nested too deeply") }
            guard index < bytes.count else { throw failure("unexpected end of file") }
            let start = line
            switch bytes[index] {
            case UInt8(ascii: "{"): return JSONNode(line: start, kind: .object(try members(depth: depth)))
            case UInt8(ascii: "["): return JSONNode(line: start, kind: .array(try elements(depth: depth)))
            case UInt8(ascii: "\""): return JSONNode(line: start, kind: .string(try string()))
            case UInt8(ascii: "t"):
                try literal("true")
                return JSONNode(line: start, kind: .bool(true))
            case UInt8(ascii: "f"):
                try literal("false")
                return JSONNode(line: start, kind: .bool(false))
            case UInt8(ascii: "n"):
                try literal("null")
                return JSONNode(line: start, kind: .null)
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                return JSONNode(line: start, kind: .number(try number()))
            default: throw failure("unexpected character")
            }
        }

        mutating func literal(_ word: String) throws(CatalogImportError) {
            let expected = Array(word.utf8)
            guard bytes.count - index >= expected.count, Array(bytes[index..<index + expected.count]) == expected
            else { throw failure("unexpected character") }
            index += expected.count
        }

        mutating func members(depth: Int) throws(CatalogImportError) -> [Member] {
            index += 1
            var members: [Member] = []
            skipWhitespace()
            if index < bytes.count, bytes[index] == UInt8(ascii: "}") {
                index += 1
                return members
            }
            while true {
                skipWhitespace()
                guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else { throw failure("expected a key") }
                let key = try string()
                skipWhitespace()
                guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { throw failure("expected ':'") }
                index += 1
                skipWhitespace()
                members.append(Member(key: key, value: try value(depth: depth + 1)))
                skipWhitespace()
                guard index < bytes.count else { throw failure("unexpected end of file") }
                if bytes[index] == UInt8(ascii: ",") {
                    index += 1
                } else if bytes[index] == UInt8(ascii: "}") {
                    index += 1
                    return members
                } else {
                    throw failure("expected ',' or '}'")
                }
            }
        }

        mutating func elements(depth: Int) throws(CatalogImportError) -> [JSONNode] {
            index += 1
            var elements: [JSONNode] = []
            skipWhitespace()
            if index < bytes.count, bytes[index] == UInt8(ascii: "]") {
                index += 1
                return elements
            }
            while true {
                skipWhitespace()
                elements.append(try value(depth: depth + 1))
                skipWhitespace()
                guard index < bytes.count else { throw failure("unexpected end of file") }
                if bytes[index] == UInt8(ascii: ",") {
                    index += 1
                } else if bytes[index] == UInt8(ascii: "]") {
                    index += 1
                    return elements
                } else {
                    throw failure("expected ',' or ']'")
                }
            }
        }

        mutating func string() throws(CatalogImportError) -> String {
            index += 1
            var out: [UInt8] = []
            while index < bytes.count {
                let byte = bytes[index]
                index += 1
                switch byte {
                case UInt8(ascii: "\""): return String(decoding: out, as: UTF8.self)
                case UInt8(ascii: "\\"):
                    guard index < bytes.count else { break }
                    let escape = bytes[index]
                    index += 1
                    switch escape {
                    case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): out.append(escape)
                    case UInt8(ascii: "b"): out.append(0x08)
                    case UInt8(ascii: "f"): out.append(0x0C)
                    case UInt8(ascii: "n"): out.append(0x0A)
                    case UInt8(ascii: "r"): out.append(0x0D)
                    case UInt8(ascii: "t"): out.append(0x09)
                    case UInt8(ascii: "u"): out.append(contentsOf: try unicodeEscape())
                    default: throw failure("unknown escape in a string")
                    }
                case 0x00..<0x20: throw failure("control character in a string")
                default: out.append(byte)
                }
            }
            throw failure("unterminated string")
        }

        /// `\uXXXX`, joining a surrogate pair into one scalar.
        mutating func unicodeEscape() throws(CatalogImportError) -> [UInt8] {
            let high = try hex4()
            var scalarValue = high
            if (0xD800..<0xDC00).contains(high) {
                guard bytes.count - index >= 6, bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u")
                else { throw failure("unpaired surrogate in a string") }
                index += 2
                let low = try hex4()
                guard (0xDC00..<0xE000).contains(low) else { throw failure("unpaired surrogate in a string") }
                scalarValue = 0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00)
            }
            guard let scalar = Unicode.Scalar(scalarValue) else { throw failure("unpaired surrogate in a string") }
            return Array(String(Character(scalar)).utf8)
        }

        mutating func hex4() throws(CatalogImportError) -> UInt32 {
            guard bytes.count - index >= 4 else { throw failure("bad \\u escape") }
            var value: UInt32 = 0
            for byte in bytes[index..<index + 4] {
                let digit: UInt32
                switch byte {
                case 0x30...0x39: digit = UInt32(byte - 0x30)
                case 0x41...0x46: digit = UInt32(byte - 0x37)
                case 0x61...0x66: digit = UInt32(byte - 0x57)
                default: throw failure("bad \\u escape")
                }
                value = value * 16 + digit
            }
            index += 4
            return value
        }

        mutating func number() throws(CatalogImportError) -> String {
            let start = index
            func digits() -> Int {
                let from = index
                while index < bytes.count, (0x30...0x39).contains(bytes[index]) { index += 1 }
                return index - from
            }
            if bytes[index] == UInt8(ascii: "-") { index += 1 }
            let integerStart = index
            guard digits() > 0 else { throw failure("bad number") }
            if bytes[integerStart] == 0x30 && index - integerStart > 1 { throw failure("bad number") }
            if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
                index += 1
                guard digits() > 0 else { throw failure("bad number") }
            }
            if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
                index += 1
                if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") {
                    index += 1
                }
                guard digits() > 0 else { throw failure("bad number") }
            }
            return String(decoding: bytes[start..<index], as: UTF8.self)
        }
    }
}

import Domain

/// `Content-Disposition: attachment` with a file name, as RFC 6266 and RFC 8187 (formerly 5987) say:
/// an ASCII `filename` for old clients and the exact name, UTF-8 and percent-encoded, as `filename*`.
package enum ContentDisposition {
    package static func attachment(filename: String) -> String {
        var fallback = ""
        for scalar in filename.unicodeScalars {
            switch scalar.value {
            case 0x20...0x7E where scalar != "\"" && scalar != "\\" && scalar != "%": fallback.unicodeScalars.append(scalar)
            default: fallback.append("_")
            }
        }
        if fallback.trimmingWhitespace().isEmpty { fallback = "fil" }
        return "attachment; filename=\"\(fallback)\"; filename*=UTF-8''\(encoded(filename))"
    }

    /// RFC 8187 `attr-char`s stay as they are; every other byte of the UTF-8 form is `%XX`.
    static func encoded(_ value: String) -> String {
        let attrChar = Set("!#$&+-.^_`|~".utf8)
        var out = ""
        for byte in value.utf8 {
            let isAlphanumeric = (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
            if isAlphanumeric || attrChar.contains(byte) {
                out.unicodeScalars.append(Unicode.Scalar(byte))
            } else {
                let hex = Array("0123456789ABCDEF".unicodeScalars)
                out.unicodeScalars.append("%")
                out.unicodeScalars.append(hex[Int(byte >> 4)])
                out.unicodeScalars.append(hex[Int(byte & 0x0F)])
            }
        }
        return out
    }
}

/// Rules every text a person sends must meet, whichever door it came through.
///
/// SQLite's C interface (as GRDB binds strings) reads text up to its first NUL, so a NUL byte inside a
/// value would be acknowledged in full and stored cut off; other control characters have no place in a
/// name, a comment or a note either. Tabs, line feeds and carriage returns are ordinary text in a note.
package enum TextRules {
    /// Whether the scalar is a control character a person cannot have meant to type.
    package static func isForbidden(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A, 0x0D: false
        case 0x00...0x1F, 0x7F, 0x80...0x9F: true
        // Unicode's noncharacters and the byte-order mark inside text.
        case 0xFEFF, 0xFFFE, 0xFFFF: true
        default: false
        }
    }

    /// Refuses a text with a forbidden control character, naming the field.
    package static func check(_ text: String, field: String) throws(ValidationError) {
        if text.unicodeScalars.contains(where: isForbidden) {
            throw ValidationError(field: field, reason: .notAllowed("contains a control character"))
        }
    }
}

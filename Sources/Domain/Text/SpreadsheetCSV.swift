/// CSV for a spreadsheet on a Norwegian user's machine.
///
/// `;` between fields, because a spreadsheet in Norwegian settings takes `,` for the decimal comma and
/// would put a whole row in one cell; CRLF line ends (RFC 4180); and a UTF-8 byte order mark first,
/// without which Excel reads the file as Windows-1252 and shows æøå garbled.
package enum SpreadsheetCSV {
    package static let separator = ";"
    package static let lineEnd = "\r\n"
    package static let byteOrderMark = "\u{FEFF}"

    /// The whole file: the byte order mark, the header line, then one line per row.
    package static func document(header: [String], rows: [[String]]) -> String {
        var text = byteOrderMark + line(header) + lineEnd
        for row in rows { text += line(row) + lineEnd }
        return text
    }

    package static func line(_ fields: [String]) -> String { fields.map(field).joined(separator: separator) }

    /// Quotes a field that holds `;`, `"` or a line break (doubling its quotes), and defuses text a
    /// spreadsheet would run as a formula (`=`, `+`, `-`, `@`, a tab or CR first): titles come from
    /// imported catalogs and names from logins, and must not become commands on the reader's machine.
    package static func field(_ value: String) -> String {
        var text = value
        if let first = text.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) { text = "'" + text }
        let needsQuotes = text.unicodeScalars.contains { $0 == ";" || $0 == "\"" || $0 == "\n" || $0 == "\r" }
        guard needsQuotes else { return text }
        return "\"" + text.split(separator: "\"", omittingEmptySubsequences: false).joined(separator: "\"\"") + "\""
    }

    /// `Ja` or `Nei`, as a Norwegian reader writes a yes-or-no column.
    package static func yesNo(_ value: Bool) -> String { value ? "Ja" : "Nei" }
}

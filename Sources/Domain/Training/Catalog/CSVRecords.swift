/// RFC 4180 records from UTF-8 bytes: comma-separated, `"` quoting with `""` for a quote, CRLF or LF line
/// ends, line breaks allowed inside quoted fields.
///
/// Each record keeps the line it starts on, which is what catalog errors report.
package struct CSVRecords: Sendable, Equatable {
    package struct Record: Sendable, Equatable {
        package let line: Int
        package let fields: [String]
    }

    package let records: [Record]

    /// Parses every record; blank lines are skipped. A stray or unterminated quote stops parsing.
    package init(_ bytes: [UInt8]) throws(CatalogImportError) {
        var records: [Record] = []
        var fields: [String] = []
        var field: [UInt8] = []
        var line = 1
        var recordLine = 1
        var index = 0
        var quotedField = false

        func endRecord() {
            fields.append(String(decoding: field, as: UTF8.self))
            field.removeAll(keepingCapacity: true)
            if !(fields.count == 1 && fields[0].isEmpty && !quotedField) {
                records.append(Record(line: recordLine, fields: fields))
            }
            fields.removeAll(keepingCapacity: true)
            quotedField = false
        }

        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                guard field.isEmpty && !quotedField else {
                    throw CatalogImportError(line: line, field: "csv", reason: .malformed("a quote inside an unquoted field"))
                }
                let quoteLine = line
                quotedField = true
                index += 1
                var closed = false
                while index < bytes.count {
                    let inner = bytes[index]
                    if inner == UInt8(ascii: "\"") {
                        if index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "\"") {
                            field.append(inner)
                            index += 2
                            continue
                        }
                        index += 1
                        closed = true
                        break
                    }
                    if inner == 0x0A { line += 1 }
                    field.append(inner)
                    index += 1
                }
                guard closed else {
                    throw CatalogImportError(line: quoteLine, field: "csv", reason: .malformed("unterminated quoted field"))
                }
                if index < bytes.count, ![UInt8(ascii: ","), 0x0A, 0x0D].contains(bytes[index]) {
                    throw CatalogImportError(line: line, field: "csv", reason: .malformed("text after a closing quote"))
                }
                continue
            }
            switch byte {
            case UInt8(ascii: ","):
                fields.append(String(decoding: field, as: UTF8.self))
                field.removeAll(keepingCapacity: true)
                quotedField = false
            case 0x0D where index + 1 < bytes.count && bytes[index + 1] == 0x0A:
                break
            case 0x0A:
                endRecord()
                line += 1
                recordLine = line
            default:
                guard !quotedField else {
                    throw CatalogImportError(line: line, field: "csv", reason: .malformed("text after a closing quote"))
                }
                field.append(byte)
            }
            index += 1
        }
        if !field.isEmpty || !fields.isEmpty || quotedField { endRecord() }
        self.records = records
    }
}

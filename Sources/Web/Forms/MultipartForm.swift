import Foundation

/// A minimal `multipart/form-data` reader (RFC 7578) for the few upload forms: each part's name from its
/// `Content-Disposition`, a part with a `filename` kept as bytes, any other as UTF-8 text.
enum MultipartForm {
    /// The boundary of a `multipart/form-data` content type, or nil for any other type.
    static func boundary(of contentType: String) -> String? {
        let parameters = contentType.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
        guard parameters.first?.lowercased() == "multipart/form-data" else { return nil }
        for parameter in parameters.dropFirst() where parameter.lowercased().hasPrefix("boundary=") {
            var value = String(parameter.dropFirst("boundary=".count))
            if value.hasPrefix("\""), value.hasSuffix("\""), value.count >= 2 {
                value = String(value.dropFirst().dropLast())
            }
            return value.isEmpty || value.utf8.count > 70 ? nil : value
        }
        return nil
    }

    static func parse(_ body: [UInt8], boundary: String) -> FormFields {
        var fields = FormFields()
        let delimiter = Array(("--" + boundary).utf8)
        var positions: [Int] = []
        var index = 0
        while let found = find(delimiter, in: body, from: index) {
            positions.append(found)
            index = found + delimiter.count
        }
        for (start, end) in zip(positions, positions.dropFirst()) {
            var partStart = start + delimiter.count
            // After the delimiter: CRLF, then headers, a blank line, the content, and CRLF before the next one.
            guard partStart + 2 <= end, body[partStart] == 13, body[partStart + 1] == 10 else { continue }
            partStart += 2
            guard let headerEnd = find([13, 10, 13, 10], in: body, from: partStart), headerEnd < end else { continue }
            let headers = String(decoding: body[partStart..<headerEnd], as: UTF8.self)
            let contentEnd = max(headerEnd + 4, end - 2)
            let content = Array(body[(headerEnd + 4)..<contentEnd])
            guard
                let disposition = headers.split(separator: "\r\n").first(where: {
                    $0.lowercased().hasPrefix("content-disposition:")
                }), let name = parameter("name", in: disposition)
            else { continue }
            if let filename = parameter("filename", in: disposition) {
                fields.add(file: content, named: filename, for: name)
            } else {
                fields.add(String(decoding: content, as: UTF8.self), for: name)
            }
        }
        return fields
    }

    private static func parameter(_ key: String, in header: Substring) -> String? {
        for piece in header.split(separator: ";").dropFirst() {
            let trimmed = piece.trimmingCharacters(in: .whitespaces)
            guard trimmed.lowercased().hasPrefix(key + "=") else { continue }
            var value = String(trimmed.dropFirst(key.count + 1))
            if value.hasPrefix("\""), value.hasSuffix("\""), value.count >= 2 {
                value = String(value.dropFirst().dropLast())
            }
            return value
        }
        return nil
    }

    private static func find(_ needle: [UInt8], in haystack: [UInt8], from start: Int) -> Int? {
        guard !needle.isEmpty, haystack.count >= needle.count, start <= haystack.count - needle.count else {
            return nil
        }
        var index = start
        while index <= haystack.count - needle.count {
            if haystack[index] == needle[0], Array(haystack[index..<(index + needle.count)]) == needle { return index }
            index += 1
        }
        return nil
    }
}

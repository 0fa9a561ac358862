import Foundation
import HTTPTypes
import Hummingbird
import NIOCore

/// The fields of a posted form, `application/x-www-form-urlencoded` or `multipart/form-data`, by name.
/// A file part is kept as bytes; a text field as text.
struct FormFields: Sendable {
    private var values: [String: [String]] = [:]
    private var files: [String: [UInt8]] = [:]
    private var filenames: [String: String] = [:]

    init() {}

    init(urlEncoded text: String) {
        for pair in text.split(separator: "&", omittingEmptySubsequences: true) {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = Self.decode(parts[0])
            let value = parts.count > 1 ? Self.decode(parts[1]) : ""
            values[name, default: []].append(value)
        }
    }

    /// The form of a request whose body was collected (by `CSRFMiddleware`) or is collected here.
    static func read(_ request: inout Request, limit: Int) async throws -> FormFields {
        let buffer = try await request.collectBody(upTo: limit)
        let type = request.headers[.contentType] ?? ""
        if let boundary = MultipartForm.boundary(of: type) {
            return MultipartForm.parse(Array(buffer.readableBytesView), boundary: boundary)
        }
        if type.lowercased().hasPrefix("application/x-www-form-urlencoded") {
            return FormFields(urlEncoded: String(decoding: buffer.readableBytesView, as: UTF8.self))
        }
        return FormFields()
    }

    subscript(_ name: String) -> String? { values[name]?.first }

    /// Every value of a repeated field (checkboxes).
    func all(_ name: String) -> [String] { values[name] ?? [] }

    /// The text of a field, trimmed; empty when it is missing.
    func text(_ name: String) -> String { (values[name]?.first ?? "").trimmingCharacters(in: .whitespacesAndNewlines) }

    func file(_ name: String) -> [UInt8]? { files[name] }

    /// The name the browser gave the file of a file field; empty when no file was chosen.
    func filename(_ name: String) -> String { filenames[name] ?? "" }

    mutating func add(_ value: String, for name: String) { values[name, default: []].append(value) }
    mutating func add(file bytes: [UInt8], named filename: String = "", for name: String) {
        files[name] = bytes
        filenames[name] = filename
    }

    private static func decode(_ text: Substring) -> String {
        let spaced = text.replacingOccurrences(of: "+", with: " ")
        return spaced.removingPercentEncoding ?? spaced
    }
}

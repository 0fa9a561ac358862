/// A published version of the databehandleravtale, as read from `Contracts/<version>/`.
package struct AgreementTemplate: Sendable, Equatable {
    package let version: String
    /// ISO date (`2026-12-01`) from which the version is the one new agreements are signed on.
    package let effectiveDate: String
    /// The fill-in fields the text names as `{{field}}`.
    package let fields: [String]
    package let text: String
    /// SHA-256 (hex) of the text file, as published in the manifest and verified on load.
    package let textHash: String

    package init(version: String, effectiveDate: String, fields: [String], text: String, textHash: String) {
        self.version = version
        self.effectiveDate = effectiveDate
        self.fields = fields
        self.text = text
        self.textHash = textHash
    }

    /// The text with every field filled in; every field must be given and non-empty.
    package func render(_ values: [String: String]) throws(ValidationError) -> String {
        var checked: [String: String] = [:]
        for field in fields {
            guard let value = values[field]?.trimmingWhitespace(), !value.isEmpty else {
                throw ValidationError(field: field, reason: .missing)
            }
            guard !value.contains("{{"), !value.contains("\n") else {
                throw ValidationError(field: field, reason: .notAllowed("may not contain line breaks or {{"))
            }
            checked[field] = value
        }
        return Self.fill(text, with: checked)
    }

    /// `text` with every `{{name}}` whose name is in `values` replaced, in one pass over its bytes (a signer's
    /// page fills the template on every view); any other braces are left as they are.
    static func fill(_ text: String, with values: [String: String]) -> String {
        let open = UInt8(ascii: "{")
        let close = UInt8(ascii: "}")
        let longest = values.keys.map(\.utf8.count).max() ?? 0
        var output: [UInt8] = []
        output.reserveCapacity(text.utf8.count + 1024)
        var bytes = Array(text.utf8)[...]
        while let start = bytes.firstIndex(of: open) {
            output += bytes[..<start]
            bytes = bytes[start...]
            let nameStart = start + 2
            if bytes.count > 4, bytes[start + 1] == open,
                let end = bytes[nameStart...].prefix(longest + 1).firstIndex(of: close),
                end + 1 < bytes.endIndex, bytes[end + 1] == close,
                let value = values[String(decoding: bytes[nameStart..<end], as: UTF8.self)]
            {
                output += value.utf8
                bytes = bytes[(end + 2)...]
            } else {
                output.append(open)
                bytes = bytes[(start + 1)...]
            }
        }
        output += bytes
        return String(decoding: output, as: UTF8.self)
    }
}

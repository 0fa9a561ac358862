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
        var rendered = text
        for field in fields {
            guard let value = values[field]?.trimmingWhitespace(), !value.isEmpty else {
                throw ValidationError(field: field, reason: .missing)
            }
            guard !value.contains("{{"), !value.contains("\n") else {
                throw ValidationError(field: field, reason: .notAllowed("may not contain line breaks or {{"))
            }
            rendered = rendered.replacingAll("{{\(field)}}", with: value)
        }
        return rendered
    }
}

extension String {
    /// Replaces every occurrence without Foundation.
    func replacingAll(_ target: String, with replacement: String) -> String {
        guard !target.isEmpty else { return self }
        var result = ""
        var rest = Substring(self)
        while let range = rest.firstRange(of: target) {
            result += rest[..<range.lowerBound]
            result += replacement
            rest = rest[range.upperBound...]
        }
        return result + rest
    }
}

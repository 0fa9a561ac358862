/// What is known in Domain about a file attached to an activity: its hash and description, never its bytes.
///
/// The hash ties the record to the stored file, so a replaced file is detectable; the bytes live in storage.
package struct AttachmentReference: Sendable, Equatable, Hashable {
    package static let maximumSize = 25 * 1024 * 1024
    package static let maxFilenameLength = 255

    /// SHA-256 of the file, 64 lower-case hex digits.
    package let sha256: String
    package let filename: String
    /// `type/subtype`, lower-case, e.g. `application/pdf`.
    package let mediaType: String
    package let size: Int

    package init(sha256: String, filename rawFilename: String, mediaType rawMediaType: String, size: Int)
        throws(ValidationError)
    {
        guard sha256.utf8.count == 64,
            sha256.utf8.allSatisfy({ ($0 >= 0x30 && $0 <= 0x39) || ($0 >= 0x61 && $0 <= 0x66) })
        else { throw ValidationError(field: "attachment.sha256", reason: .notAllowed("must be 64 lower-case hex digits")) }
        let filename = rawFilename.trimmingWhitespace()
        guard !filename.isEmpty else { throw ValidationError(field: "attachment.filename", reason: .missing) }
        guard filename.count <= Self.maxFilenameLength else {
            throw ValidationError(field: "attachment.filename", reason: .tooLong(max: Self.maxFilenameLength))
        }
        // A name, not a path: it is shown and offered for download, never joined to a directory.
        guard !filename.unicodeScalars.contains(where: { $0 == "/" || $0 == "\\" || $0.value < 0x20 || $0.value == 0x7F }),
            filename != ".", filename != ".."
        else { throw ValidationError(field: "attachment.filename", reason: .notAllowed("must be a file name, not a path")) }
        let mediaType = rawMediaType.trimmingWhitespace().lowercased()
        let parts = mediaType.split(separator: "/", omittingEmptySubsequences: false)
        let token: (Substring) -> Bool = { part in
            !part.isEmpty
                && part.utf8.allSatisfy { ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x30 && $0 <= 0x39) || "+-.".utf8.contains($0) }
        }
        guard parts.count == 2, token(parts[0]), token(parts[1]), mediaType.utf8.count <= 127 else {
            throw ValidationError(field: "attachment.mediaType", reason: .notAllowed("must be a media type like application/pdf"))
        }
        guard size > 0, size <= Self.maximumSize else {
            throw ValidationError(field: "attachment.size", reason: .notAllowed("must be between 1 byte and 25 MiB"))
        }
        self.sha256 = sha256
        self.filename = filename
        self.mediaType = mediaType
        self.size = size
    }
}

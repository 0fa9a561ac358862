import Crypto
import Domain

/// A file to store with the activity that refers to it, in the same transaction.
package struct NewAttachment: Sendable {
    package let reference: AttachmentReference
    package let bytes: [UInt8]

    package init(reference: AttachmentReference, bytes: [UInt8]) {
        self.reference = reference
        self.bytes = bytes
    }

    /// The reference of `bytes` named `filename`, of the recognised `type`.
    package init(bytes: [UInt8], filename: String, type: AttachmentType) throws(ValidationError) {
        self.reference = try AttachmentReference(
            sha256: SHA256.hash(data: bytes).hexEncoded, filename: filename, mediaType: type.rawValue,
            size: bytes.count)
        self.bytes = bytes
    }
}

/// The kinds of file a LIS may attach to an activity: course certificates and scanned or photographed
/// documentation. Recognised by the file's first bytes, never by its name or the type a browser claims, so a
/// file stored and later offered to a leder for download is what it says it is.
package enum AttachmentType: String, CaseIterable, Sendable {
    case pdf = "application/pdf"
    case jpeg = "image/jpeg"
    case png = "image/png"

    /// The type of `bytes`, or nil for any other kind of file.
    package static func recognise(_ bytes: some Collection<UInt8>) -> AttachmentType? {
        let head = Array(bytes.prefix(8))
        if head.starts(with: Array("%PDF-".utf8)) { return .pdf }
        if head.starts(with: [0xFF, 0xD8, 0xFF]) { return .jpeg }
        if head.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) { return .png }
        return nil
    }

    /// «PDF, JPEG eller PNG», for messages.
    package static var norwegianList: String { "PDF, JPEG eller PNG" }
}

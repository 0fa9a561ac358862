import struct Foundation.Date

/// One party's signature on an agreement: who, when, and with what assurance.
package struct AgreementSignature: Sendable, Equatable {
    /// The person's key, when they signed logged in (not for a paper signature).
    package let personKey: PersonKey?
    package let name: String
    package let hprNumber: String?
    /// HelseID's security level of the login that signed; nil on paper.
    package let securityLevel: SecurityLevel?
    package let at: Date

    package init(personKey: PersonKey?, name: String, hprNumber: String?, securityLevel: SecurityLevel?, at: Date) {
        self.personKey = personKey
        self.name = name
        self.hprNumber = hprNumber
        self.securityLevel = securityLevel
        self.at = at
    }
}

/// The scanned paper agreement support uploaded: its hash and size; the file itself is kept beside the
/// registry.
package struct PaperScan: Sendable, Equatable {
    package let sha256: String
    package let bytes: Int

    package init(sha256: String, bytes: Int) {
        self.sha256 = sha256
        self.bytes = bytes
    }

    /// Accepted size of a scan: a signed agreement of a few pages, scanned.
    package static let maximumBytes = 10 * 1024 * 1024

    /// Checks the content, not the name: a PDF starts with `%PDF-` and ends (allowing trailing white
    /// space) with `%%EOF`.
    package static func validatePDF(_ bytes: some Collection<UInt8>) throws(AgreementError) {
        guard !bytes.isEmpty else { throw .scanEmpty }
        guard bytes.count <= maximumBytes else { throw .scanTooLarge(maximum: maximumBytes) }
        guard bytes.starts(with: Array("%PDF-".utf8)) else { throw .scanNotPDF }
        let tail = Array(bytes.suffix(1024))
        guard tail.count >= 5, String(decoding: tail, as: UTF8.self).contains("%%EOF") else { throw .scanNotPDF }
    }
}

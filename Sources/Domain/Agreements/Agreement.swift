import struct Foundation.Date
import struct Foundation.UUID

/// A databehandleravtale between a tenant (the controller) and the platform (the processor), as signed.
///
/// It keeps everything needed to show later exactly what was agreed: the template version and hash, the
/// filled-in fields, and the hash of the exact document that was rendered and signed.
package struct Agreement: Sendable, Equatable {
    package let id: UUID
    package let tenantID: TenantID
    package let templateVersion: String
    package let templateHash: String
    package let fields: [String: String]
    /// SHA-256 (hex) of the rendered document, as the signer saw it.
    package let documentHash: String
    package let channel: AgreementChannel
    package let signature: AgreementSignature
    package let scan: PaperScan?
    package var countersignature: AgreementSignature?
    package var state: AgreementState
    /// Set when the agreement was ended; the date from which the tenant is closed.
    package var endedAt: Date?

    package init(
        id: UUID, tenantID: TenantID, templateVersion: String, templateHash: String, fields: [String: String],
        documentHash: String, channel: AgreementChannel, signature: AgreementSignature, scan: PaperScan?,
        countersignature: AgreementSignature?, state: AgreementState, endedAt: Date?
    ) {
        self.id = id
        self.tenantID = tenantID
        self.templateVersion = templateVersion
        self.templateHash = templateHash
        self.fields = fields
        self.documentHash = documentHash
        self.channel = channel
        self.signature = signature
        self.scan = scan
        self.countersignature = countersignature
        self.state = state
        self.endedAt = endedAt
    }
}

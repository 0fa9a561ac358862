import Domain
import Engine

/// `/virksomhet/{tenantId}/avtale/{agreementId}`: one agreement as it was signed, to read and print: the
/// exact text, both signatures, and the seal that makes the copy checkable (its key id and the document's
/// SHA-256).
struct AgreementCopyPage: Sendable {
    struct Signature: Sendable {
        let party: String
        let name: String
        let when: String
        let how: String
    }

    let layout: PageLayout
    let tenantName: String
    let version: String
    let state: String
    let documentHash: String
    let document: AgreementDocument
    let signatures: [Signature]
    let isSealed: Bool
    let sealValid: Bool
    let sealAlgorithm: String
    let sealKeyID: String
    let downloadHref: String?
    let backHref: String

    init(agreement: Agreement, document: String, tenant: Tenant, verification: SealVerification?, visitor: Visitor) {
        self.layout = PageLayout(title: "Databehandleravtale for \(tenant.name), versjon \(agreement.templateVersion)", visitor: visitor)
        self.tenantName = tenant.name
        self.version = agreement.templateVersion
        self.state = AgreementRecordRow.stateText(agreement.state)
        self.documentHash = agreement.documentHash
        self.document = AgreementDocument(markdown: document)
        var signatures = [
            Signature(
                party: "Behandlingsansvarlig (\(tenant.partyName))", name: agreement.signature.name,
                when: NorwegianTime.dateTime(agreement.signature.at), how: Self.how(agreement.signature, agreement.channel))
        ]
        if let counter = agreement.countersignature {
            signatures.append(
                Signature(
                    party: "Databehandler (leverandøren av Kompetanseportal)", name: counter.name,
                    when: NorwegianTime.dateTime(counter.at), how: "Kontrasignert av brukerstøtte og forseglet"))
        }
        self.signatures = signatures
        let path = AgreementPages.path(tenant.id.rawValue)
        self.backHref = path
        switch verification {
        case .valid(let sealed)?:
            self.isSealed = true
            self.sealValid = true
            self.sealAlgorithm = sealed.seal.algorithm
            self.sealKeyID = sealed.seal.keyID
        case .invalid?:
            self.isSealed = true
            self.sealValid = false
            self.sealAlgorithm = ""
            self.sealKeyID = ""
        case nil:
            self.isSealed = false
            self.sealValid = false
            self.sealAlgorithm = ""
            self.sealKeyID = ""
        }
        self.downloadHref = isSealed ? "\(path)/\(agreement.id.lowercasedText)/forseglet" : nil
    }

    static func how(_ signature: AgreementSignature, _ channel: AgreementChannel) -> String {
        if channel == .paper { return "Signert på papir; skannet kopi registrert av brukerstøtte" }
        let level = signature.securityLevel.map { " på sikkerhetsnivå \($0.rawValue)" } ?? ""
        return "Signert elektronisk med HelseID\(level)"
    }
}

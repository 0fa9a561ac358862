import Domain
import Engine

/// `/virksomhet/{tenantId}/avtale`: the tenant's agreement status, the text offered with its version and
/// SHA-256, the signing form (level 4 only), and the agreements on record with their sealed files.
struct AgreementPage: Sendable {
    let layout: PageLayout
    let errors: FormErrors
    let tenantName: String
    let tenantID: String
    let status: AgreementStatus
    let version: String
    let documentHash: String
    /// The agreement text, rendered once per text (`FragmentCache`), placed at `fragmentSlot`.
    let document: RenderedFragment
    let fragmentSlot = RenderedFragment.slot
    /// The signing form is shown: nothing awaits countersignature and the version offered is not in force.
    let canSign: Bool
    /// Shown instead of the form at security level 3: why, and a login at level 4 that comes back here.
    let needsLevel4: Bool
    /// Empty at level 4, where the page does not show it: percent-encoding the return path through Foundation
    /// was 3% of the signer's page.
    let level4LoginHref: String
    let confirmError: String?
    let newVersionAwaitsSignature: Bool
    let records: [AgreementRecordRow]
    let hasRecords: Bool
    let justSigned: Bool
    let justAccepted: Bool

    init(
        offer: AgreementOffer, caller: AdministratorCaller, documents: FragmentCache<String>, visitor: Visitor,
        errors: FormErrors = FormErrors(), justSigned: Bool = false, justAccepted: Bool = false
    ) throws {
        let tenant = caller.tenant
        self.layout = PageLayout(
            title: "Databehandleravtale for \(tenant.name)", visitor: visitor, hasErrors: errors.hasErrors)
        self.errors = errors
        self.tenantName = tenant.name
        self.tenantID = tenant.id.rawValue
        self.status = AgreementStatus(tenant: tenant, agreements: offer.agreements.map(\.agreement))
        self.version = offer.draft.template.version
        self.documentHash = offer.draft.documentHash
        self.document = try documents.fragment(offer.draft.documentHash) {
            AgreementDocumentView(document: AgreementDocument(markdown: offer.draft.document))
        }
        let awaiting = offer.agreements.contains { $0.agreement.state == .awaitingCountersignature }
        let inForce = offer.agreements.contains { $0.agreement.state == .inForce }
        self.canSign = !awaiting && tenant.closesAt == nil && (!inForce || offer.newVersionAwaitsSignature)
        self.needsLevel4 = caller.principal.securityLevel.rawValue < 4
        let path = AgreementPages.path(tenant.id.rawValue)
        self.level4LoginHref = needsLevel4 ? LoginPages.loginPath(returningTo: path, level4: true) : ""
        self.confirmError = errors.message(for: "bekreft")
        self.newVersionAwaitsSignature = offer.newVersionAwaitsSignature
        self.records = offer.agreements.map {
            AgreementRecordRow($0.agreement, isSealed: $0.isSealed, downloadBase: path)
        }
        self.hasRecords = !records.isEmpty
        self.justSigned = justSigned
        self.justAccepted = justAccepted
    }
}

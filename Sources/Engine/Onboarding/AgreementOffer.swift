import Domain
import Storage

/// What a tenant administrator is offered to sign: the current template filled in with the tenant's
/// fields, the agreements on record, and whether a newer version than the one in force waits for them.
package struct AgreementOffer: Sendable {
    package let draft: AgreementDraft
    package let agreements: [ListedAgreement]
    package let newVersionAwaitsSignature: Bool
}

import Domain

/// An agreement as the signer's offer lists it: the agreement, whether it is sealed, and the sealed file's
/// text when the listing was asked to carry it. The signed document is never part of it: the offer shows
/// the draft, and the copy page reads the document of one agreement.
package struct ListedAgreement: Sendable, Equatable {
    package let agreement: Agreement
    /// Countersigned by support and sealed.
    package let isSealed: Bool
    /// The sealed file's text, when asked for (the JSON API embeds it; the page links to it instead).
    package let sealedFile: String?

    package init(agreement: Agreement, isSealed: Bool, sealedFile: String?) {
        self.agreement = agreement
        self.isSealed = isSealed
        self.sealedFile = sealedFile
    }
}

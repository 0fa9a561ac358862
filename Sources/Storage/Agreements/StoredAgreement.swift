import Domain

/// An agreement as the registry keeps it: the decision, the exact document signed, and once
/// countersigned, the sealed file.
package struct StoredAgreement: Sendable, Equatable {
    package let agreement: Agreement
    package let document: String
    package let sealed: String?

    package init(agreement: Agreement, document: String, sealed: String?) {
        self.agreement = agreement
        self.document = document
        self.sealed = sealed
    }
}

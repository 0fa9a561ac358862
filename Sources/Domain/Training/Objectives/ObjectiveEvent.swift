import struct Foundation.Date

/// One step in an objective's history; approvals and revocations stay in it for good.
package struct ObjectiveEvent: Sendable, Equatable {
    package enum Kind: Sendable, Equatable {
        case started
        case submitted
        case approved(ObjectiveApproval)
        case rejected(comment: String)
        case approvalRevoked(reason: String)
    }

    package let kind: Kind
    /// Nil when no person acted here (an imported approval is recorded by the import).
    package let by: PersonKey?
    package let at: Date

    package init(kind: Kind, by: PersonKey?, at: Date) {
        self.kind = kind
        self.by = by
        self.at = at
    }
}

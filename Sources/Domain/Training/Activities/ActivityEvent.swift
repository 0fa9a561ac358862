import struct Foundation.Date

/// One step in a learning activity's history. Decisions are evidence, so history is only ever appended to.
package struct ActivityEvent: Sendable, Equatable {
    package enum Kind: Sendable, Equatable {
        case recorded
        case edited
        case submitted(to: PersonKey, role: ActivitySigner)
        case approved
        case rejected(comment: String)
    }

    package let kind: Kind
    package let by: PersonKey
    package let at: Date

    package init(kind: Kind, by: PersonKey, at: Date) {
        self.kind = kind
        self.by = by
        self.at = at
    }
}

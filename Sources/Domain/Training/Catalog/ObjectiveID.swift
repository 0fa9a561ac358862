/// The identifier of a learning objective as the regulation numbers it: `DEL1-042`, `FKM-ETIKK-03`, `AMM-067`.
///
/// Upper-case ASCII letters and digits in at least two hyphen-separated groups
/// (`^[A-Z0-9]+(-[A-Z0-9]+)+$`). IDs are renumbered between plan versions, so an ID is only meaningful
/// together with a plan key and version.
package struct ObjectiveID: Hashable, Sendable, Comparable, CustomStringConvertible {
    package static let maxLength = 40

    package let rawValue: String

    package init(_ raw: String, field: String = "objectiveId") throws(ValidationError) {
        guard !raw.isEmpty else { throw ValidationError(field: field, reason: .missing) }
        guard raw.utf8.count <= Self.maxLength else {
            throw ValidationError(field: field, reason: .tooLong(max: Self.maxLength))
        }
        let groups = raw.utf8.split(separator: 0x2D, omittingEmptySubsequences: false)
        let wellFormed =
            groups.count >= 2
            && groups.allSatisfy { group in
                !group.isEmpty && group.allSatisfy { ($0 >= 0x41 && $0 <= 0x5A) || ($0 >= 0x30 && $0 <= 0x39) }
            }
        guard wellFormed else {
            throw ValidationError(
                field: field, reason: .notAllowed("must be upper-case letters and digits in groups, e.g. DEL1-042"))
        }
        self.rawValue = raw
    }

    package var description: String { rawValue }

    package static func < (lhs: ObjectiveID, rhs: ObjectiveID) -> Bool { lhs.rawValue < rhs.rawValue }
}

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
        // Groups of A–Z and 0–9 joined by single hyphens, at least two groups; one pass without splitting,
        // as every progress row read is checked here.
        var groups = 1
        var groupLength = 0
        var wellFormed = true
        for byte in raw.utf8 {
            if byte == 0x2D {
                if groupLength == 0 { wellFormed = false }
                groups += 1
                groupLength = 0
            } else if (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x30 && byte <= 0x39) {
                groupLength += 1
            } else {
                wellFormed = false
            }
        }
        guard wellFormed, groups >= 2, groupLength > 0 else {
            throw ValidationError(
                field: field, reason: .notAllowed("must be upper-case letters and digits in groups, e.g. DEL1-042"))
        }
        self.rawValue = raw
    }

    package var description: String { rawValue }

    package static func < (lhs: ObjectiveID, rhs: ObjectiveID) -> Bool { lhs.rawValue < rhs.rawValue }
}

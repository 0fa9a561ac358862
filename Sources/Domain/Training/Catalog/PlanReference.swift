/// One version of one plan: what an assignment, an activity and an approval point at.
///
/// A LIS stays on the version assigned, so every record names the version, never just the key.
package struct PlanReference: Hashable, Sendable, Comparable, CustomStringConvertible {
    package let key: PlanKey
    package let version: Int

    package init(key: PlanKey, version: Int) {
        self.key = key
        self.version = version
    }

    /// `lis1-kommune@2`
    package var description: String { "\(key.rawValue)@\(version)" }

    package static func < (lhs: PlanReference, rhs: PlanReference) -> Bool {
        (lhs.key.rawValue, lhs.version) < (rhs.key.rawValue, rhs.version)
    }
}

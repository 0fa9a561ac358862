/// The training programme a LIS follows in a kommune or virksomhet.
package enum Programme: String, Sendable, Codable, CaseIterable {
    /// Part 1 (LIS1), the kommune half.
    case lis1
    /// Part 3 in general practice (ALIS).
    case alis
    case samfunnsmedisin
    case arbeidsmedisin
}

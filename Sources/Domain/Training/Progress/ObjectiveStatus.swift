/// An objective's place in the progress report. A rejected objective is back with the LIS, so it counts as
/// in progress; an imported approval counts as approved but stays distinguishable.
package enum ObjectiveStatus: String, Sendable, Codable, CaseIterable {
    case notStarted
    case inProgress
    case rejected
    case submitted
    case approved
    case approvedElsewhere

    package var isApproved: Bool { self == .approved || self == .approvedElsewhere }
}

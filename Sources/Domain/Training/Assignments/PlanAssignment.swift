import struct Foundation.Date
import struct Foundation.UUID

/// One plan version assigned to one LIS: `assigned` (no work yet) → `started` → `archived`.
///
/// The assignment stores key and version: a LIS stays on the version assigned even when a newer one is
/// imported, because their activities and approvals point at that version's objectives.
package struct PlanAssignment: Sendable, Equatable {
    package enum State: String, Sendable, Codable {
        case assigned, started, archived
    }

    /// Who assigned: the automatic LIS1 rule, or the LIS's leder.
    package enum Assigner: Sendable, Equatable, Hashable {
        case automatic
        case leder(PersonKey)
    }

    package let id: UUID
    package let traineeID: UUID
    package let plan: PlanReference
    package let assignedBy: Assigner
    package let assignedAt: Date
    package var state: State
    package var startedAt: Date?
    package var archivedAt: Date?

    package init(
        id: UUID, traineeID: UUID, plan: PlanReference, assignedBy: Assigner, assignedAt: Date, state: State,
        startedAt: Date?, archivedAt: Date?
    ) {
        self.id = id
        self.traineeID = traineeID
        self.plan = plan
        self.assignedBy = assignedBy
        self.assignedAt = assignedAt
        self.state = state
        self.startedAt = startedAt
        self.archivedAt = archivedAt
    }
}

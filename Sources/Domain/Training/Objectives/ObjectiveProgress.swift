import struct Foundation.UUID

/// Where one LIS stands with one learning objective of one plan version:
/// `notStarted/inProgress → submitted → approved | rejected(comment)`; a rejected objective is submitted again,
/// and an approval is undone only by an explicit, reasoned revocation.
package struct ObjectiveProgress: Sendable, Equatable {
    package enum State: Sendable, Equatable {
        case notStarted
        case inProgress
        case submitted
        case approved(ObjectiveApproval)
        case rejected(comment: String)
    }

    package static let maxCommentLength = 5_000

    package let id: UUID
    package let traineeID: UUID
    package let plan: PlanReference
    package let objectiveID: ObjectiveID
    package internal(set) var state: State
    package internal(set) var history: [ObjectiveEvent]

    package init(
        id: UUID, traineeID: UUID, plan: PlanReference, objectiveID: ObjectiveID, state: State, history: [ObjectiveEvent]
    ) {
        self.id = id
        self.traineeID = traineeID
        self.plan = plan
        self.objectiveID = objectiveID
        self.state = state
        self.history = history
    }

    package var approval: ObjectiveApproval? {
        if case .approved(let approval) = state { approval } else { nil }
    }

    package var isApproved: Bool { approval != nil }
}

import struct Foundation.Date
import struct Foundation.UUID

/// A learning activity the LIS has done, and its way to a signature:
/// `draft → submitted(to, role) → approved | rejected(comment)`, and a rejected one is corrected and sent again.
package struct LearningActivity: Sendable, Equatable {
    /// What the activity is: one the plan recommends for an objective, or another one, which must be
    /// documented because nothing in the plan describes it.
    package enum Kind: Sendable, Equatable {
        /// The `index`th (from 0) recommended activity of the objective.
        case recommended(index: Int)
        case alternative(type: ActivityType, signer: ActivitySigner, documentation: String)
    }

    /// What the LIS writes; recorded and edited as a whole.
    package struct Content: Sendable, Equatable {
        package var objectiveID: ObjectiveID?
        package var kind: Kind
        package var performedOn: CalendarDate
        package var note: String
        package var attachment: AttachmentReference?

        package init(
            objectiveID: ObjectiveID?, kind: Kind, performedOn: CalendarDate, note: String = "",
            attachment: AttachmentReference? = nil
        ) {
            self.objectiveID = objectiveID
            self.kind = kind
            self.performedOn = performedOn
            self.note = note
            self.attachment = attachment
        }
    }

    package enum State: Sendable, Equatable {
        case draft
        case submitted(to: PersonKey, role: ActivitySigner)
        case approved(by: PersonKey, at: Date)
        case rejected(by: PersonKey, comment: String)
    }

    package static let maxNoteLength = 5_000
    package static let maxDocumentationLength = 5_000
    package static let maxCommentLength = 5_000

    package let id: UUID
    package let traineeID: UUID
    package let plan: PlanReference
    package internal(set) var content: Content
    /// From the recommendation, or chosen for an alternative activity.
    package internal(set) var type: ActivityType
    /// Who must sign it, from the recommendation or chosen for an alternative activity.
    package internal(set) var signer: ActivitySigner
    package internal(set) var state: State
    package internal(set) var history: [ActivityEvent]

    package init(
        id: UUID, traineeID: UUID, plan: PlanReference, content: Content, type: ActivityType, signer: ActivitySigner,
        state: State, history: [ActivityEvent]
    ) {
        self.id = id
        self.traineeID = traineeID
        self.plan = plan
        self.content = content
        self.type = type
        self.signer = signer
        self.state = state
        self.history = history
    }

    package var objectiveID: ObjectiveID? { content.objectiveID }

    package var isApproved: Bool {
        if case .approved = state { true } else { false }
    }
}

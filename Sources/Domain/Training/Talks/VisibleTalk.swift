import struct Foundation.Date
import struct Foundation.UUID

/// A supervision talk as one reader may see it: date, topic and state for those who follow the LIS, and the
/// preparation and minutes only for the LIS and the veileder (source: only they read the *referat*).
///
/// The text is left out of the value rather than blanked, so that "hidden" can never be mistaken for "not
/// written yet".
package struct VisibleTalk: Sendable, Equatable {
    package struct Text: Sendable, Equatable {
        package let preparation: String?
        package let minutes: String?

        package init(preparation: String?, minutes: String?) {
            self.preparation = preparation
            self.minutes = minutes
        }
    }

    package let id: UUID
    package let traineeID: UUID
    package let date: CalendarDate
    package let topic: String
    package let state: SupervisionTalk.State
    package let createdAt: Date
    package let finalisedAt: Date?
    /// Nil when the reader may not read the talk's text (`TraineeOperation.readTalkMinutes`).
    package let text: Text?

    package init(_ talk: SupervisionTalk, showingText: Bool) {
        id = talk.id
        traineeID = talk.traineeID
        date = talk.date
        topic = talk.topic
        state = talk.state
        createdAt = talk.createdAt
        finalisedAt = talk.finalisedAt
        text = showingText ? Text(preparation: talk.preparation, minutes: talk.minutes) : nil
    }
}

import struct Foundation.Date
import struct Foundation.UUID

/// A supervision talk (*veiledningssamtale*): `planned → prepared → minutesWritten → finalised`.
///
/// The veileder creates it, the LIS and the veileder write the preparation and the minutes, and only the
/// veileder finalises it (source). Only they read the minutes (`PermissionTable`).
package struct SupervisionTalk: Sendable, Equatable {
    package enum State: String, Sendable, Codable, CaseIterable {
        case planned, prepared, minutesWritten, finalised
    }

    package static let maxTopicLength = 200
    package static let maxTextLength = 20_000

    package let id: UUID
    package let traineeID: UUID
    package let createdBy: PersonKey
    package let createdAt: Date
    package internal(set) var date: CalendarDate
    package internal(set) var topic: String
    package internal(set) var preparation: String?
    package internal(set) var minutes: String?
    package internal(set) var state: State
    package internal(set) var lastWrittenBy: PersonKey?
    package internal(set) var finalisedBy: PersonKey?
    package internal(set) var finalisedAt: Date?

    package init(
        id: UUID, traineeID: UUID, createdBy: PersonKey, createdAt: Date, date: CalendarDate, topic: String,
        preparation: String?, minutes: String?, state: State, lastWrittenBy: PersonKey?, finalisedBy: PersonKey?,
        finalisedAt: Date?
    ) {
        self.id = id
        self.traineeID = traineeID
        self.createdBy = createdBy
        self.createdAt = createdAt
        self.date = date
        self.topic = topic
        self.preparation = preparation
        self.minutes = minutes
        self.state = state
        self.lastWrittenBy = lastWrittenBy
        self.finalisedBy = finalisedBy
        self.finalisedAt = finalisedAt
    }

    package var isFinalised: Bool { state == .finalised }
}

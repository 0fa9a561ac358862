import struct Foundation.Date
import struct Foundation.UUID

/// One line of a LIS's access log (Normen): who, in which role, did what to which object, and when.
package struct AccessLogEntry: Sendable, Equatable {
    package let traineeID: UUID
    package let actor: PersonKey
    package let actorName: String
    package let role: Role
    package let operation: TraineeOperation
    /// What was touched, e.g. `trainee` or `objective:DEL1-042`.
    package let object: String
    /// Required when support reads training data.
    package let reason: String?
    package let at: Date

    package init(
        traineeID: UUID, actor: PersonKey, actorName: String, role: Role, operation: TraineeOperation,
        object: String, reason: String?, at: Date
    ) {
        self.traineeID = traineeID
        self.actor = actor
        self.actorName = actorName
        self.role = role
        self.operation = operation
        self.object = object
        self.reason = reason
        self.at = at
    }

    /// Whether an access is logged: every change, and every read by someone other than the LIS. The LIS
    /// reading their own data is not an access by another person, and logging it would drown the log.
    package static func isLogged(_ operation: TraineeOperation, role: Role) -> Bool {
        role != .lis || !operation.isRead
    }
}

extension TraineeOperation {
    package var isRead: Bool {
        switch self {
        case .readRecord, .readRoles, .readAccessLog, .readTalkMinutes, .readProgressReport, .downloadCompletion: true
        default: false
        }
    }
}

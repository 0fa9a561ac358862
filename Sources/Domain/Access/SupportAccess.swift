import struct Foundation.Date
import struct Foundation.TimeInterval
import struct Foundation.UUID

/// A time-limited permission for one support person to read a tenant's training data, for a stated
/// reason. Every read under it is written to the LIS's access log with the reason.
package struct SupportAccess: Sendable, Equatable {
    package static let maximumMinutes = 240

    package let id: UUID
    package let supportKey: PersonKey
    package let supportName: String
    package let reason: String
    package let grantedAt: Date
    package let expiresAt: Date

    package init(
        id: UUID, supportKey: PersonKey, supportName: String, reason: String, grantedAt: Date, expiresAt: Date
    ) {
        self.id = id
        self.supportKey = supportKey
        self.supportName = supportName
        self.reason = reason
        self.grantedAt = grantedAt
        self.expiresAt = expiresAt
    }

    /// Opens access for `minutes` (1…240) with a reason of 10…500 characters (a case number and a why).
    package static func open(
        for support: Principal, reason rawReason: String, minutes: Int, id: UUID, at now: Date
    ) throws(ValidationError) -> SupportAccess {
        guard support.isSupport else { throw ValidationError(field: "principal", reason: .notAllowed("support only")) }
        let reason = rawReason.trimmingWhitespace()
        guard !reason.isEmpty else { throw ValidationError(field: "reason", reason: .missing) }
        guard reason.count >= 10 else {
            throw ValidationError(field: "reason", reason: .notAllowed("state the case and why, at least 10 characters"))
        }
        guard reason.count <= 500 else { throw ValidationError(field: "reason", reason: .tooLong(max: 500)) }
        guard (1...maximumMinutes).contains(minutes) else {
            throw ValidationError(field: "minutes", reason: .notAllowed("must be between 1 and \(maximumMinutes)"))
        }
        return SupportAccess(
            id: id, supportKey: support.personKey, supportName: support.name, reason: reason, grantedAt: now,
            expiresAt: now.addingTimeInterval(TimeInterval(minutes * 60)))
    }

    package func isValid(for support: PersonKey, at now: Date) -> Bool {
        support == supportKey && grantedAt <= now && now < expiresAt
    }
}

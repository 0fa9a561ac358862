/// What a person is to a LIS, to a tenant, or to the platform (source: the role table in DOMAIN.md).
package enum Role: String, Sendable, Codable, CaseIterable {
    /// The LIS themselves.
    case lis
    /// Exactly one per LIS: assigns plans, approves learning objectives.
    case leder
    /// Exactly one per LIS: holds supervision talks, signs activities (ALIS).
    case veileder
    /// Any number per LIS: signs the learning activities sent to them.
    case supervisor
    /// Per tenant: signs the agreement, sees the tenant's overview.
    case tenantAdministrator
    /// Platform: the vendor's support staff.
    case support

    /// Held for one LIS, through an invitation from that LIS (or from support).
    package var isPerTrainee: Bool { self == .leder || self == .veileder || self == .supervisor }

    /// At most one person holds it for a LIS at a time.
    package var isSingleton: Bool { self == .leder || self == .veileder }
}

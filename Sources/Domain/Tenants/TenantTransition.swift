/// A change of a tenant's lifecycle status, decided by `Tenant.applying(_:at:)`.
package enum TenantTransition: String, Sendable, CaseIterable {
    /// Support closes an active tenant for a while (e.g. during an incident); data and agreement stay.
    case suspend
    case resume

    package var target: TenantStatus {
        switch self {
        case .resume: .active
        case .suspend: .suspended
        }
    }
}

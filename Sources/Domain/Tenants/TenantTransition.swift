/// A change of a tenant's lifecycle status, decided by `Tenant.applying(_:at:)`.
package enum TenantTransition: String, Sendable, CaseIterable {
    /// Support opens the tenant explicitly (until the agreement workflow does it by countersigning).
    case activate
    case suspend
    case resume
    case terminate

    package var target: TenantStatus {
        switch self {
        case .activate, .resume: .active
        case .suspend: .suspended
        case .terminate: .terminated
        }
    }
}

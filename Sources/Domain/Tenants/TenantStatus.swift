/// Where a tenant is in its life; only `active` tenants are let through the gate.
package enum TenantStatus: String, Sendable, Codable, CaseIterable {
    /// Known to the registry (every kommune from the first start), no agreement yet.
    case registered
    /// An agreement is being signed or awaits countersigning.
    case agreementPending
    /// The agreement is in force; users may work.
    case active
    /// Closed for a while by support (e.g. during a move or an incident); data kept.
    case suspended
    /// The agreement has ended; closed for users.
    case terminated
}

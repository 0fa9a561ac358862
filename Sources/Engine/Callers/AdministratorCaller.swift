import Domain

/// A person acting for a tenant on its agreement (sign, terminate, take the data back): the tenant as the
/// router resolved it, whatever its status, since signing comes before the gate opens and the data must be
/// reachable after it closed. Whether the person is the tenant's administrator is checked by every
/// `OnboardingDesk` operation, not by the door.
package struct AdministratorCaller: Sendable {
    package let tenant: Tenant
    package let principal: Principal

    package init(tenant: Tenant, principal: Principal) {
        self.tenant = tenant
        self.principal = principal
    }

    /// How the administrator is named in the registry's events and audit chain (no identity number).
    package var actor: String { "administrator:\(principal.personKey.hex.prefix(12))" }
}

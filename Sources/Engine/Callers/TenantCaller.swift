import Domain

/// Who calls a tenant-scoped operation, and in which tenant: the gated tenant (its agreement in force, as
/// the router's gate found it) and the authenticated person.
package struct TenantCaller: Sendable {
    package let tenant: Tenant
    package let principal: Principal

    package init(tenant: Tenant, principal: Principal) {
        self.tenant = tenant
        self.principal = principal
    }
}

import Domain
import Storage

extension Engine {
    /// A tenant named by support (a path or a command), which the gate would let in: support works on
    /// training data only in open tenants.
    func openTenant(_ raw: String) throws -> Tenant {
        let tenant = try registry.requireTenant(try TenantID(raw))
        if let refusal = tenant.gateRefusal(at: now()) { throw refusal }
        return tenant
    }
}

extension Engine {
    /// A person working in a tenant from a page: the tenant as the API's gate would let it in (its
    /// agreement in force, not suspended), so every page reaches the training operations through the same
    /// gate and the same `TenantCaller` as the JSON API.
    package func tenantCaller(_ raw: String, for principal: Principal) throws -> TenantCaller {
        TenantCaller(tenant: try openTenant(raw), principal: principal)
    }
}

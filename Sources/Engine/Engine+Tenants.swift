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

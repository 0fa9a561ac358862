import Domain
import Foundation
import Storage

/// The vendor's support staff: tenants and their lifecycle, and time-limited, reasoned access to a tenant's
/// training data. Every change is recorded with the support person as actor (registry events and audit, or
/// the LIS's access log).
package struct SupportDesk: Sendable {
    let engine: Engine

    /// Support opens access to an open tenant's training data, with a reason and for a limited time.
    package func openSupportAccess(by support: Principal, tenant rawTenant: String, reason: String, minutes: Int)
        async throws -> SupportAccess
    {
        let tenant = try engine.openTenant(rawTenant)
        let access = try SupportAccess.open(
            for: support, reason: reason, minutes: minutes, id: engine.newID(), at: engine.now())
        try await engine.store.withDatabase(tenant.id) { database in
            try await database.recordSupportAccess(access)
        }
        engine.logger.info("support access opened", metadata: ["tenant": "\(tenant.id)", "access": "\(access.id)"])
        return access
    }

    /// Support reads a LIS record under open support access; the LIS's access log shows the reason.
    package func trainee(by support: Principal, tenant rawTenant: String, trainee id: UUID) async throws
        -> (tenant: Tenant, trainee: Trainee)
    {
        let tenant = try engine.openTenant(rawTenant)
        let trainee = try await engine.store.withDatabase(tenant.id) { database in
            try await database.supportRead(traineeID: id, by: support.personKey, at: engine.now())
        }
        return (tenant, trainee)
    }
}

extension Engine {
    /// Tenants and their lifecycle, and support's access to training data.
    package var support: SupportDesk { SupportDesk(engine: self) }
}

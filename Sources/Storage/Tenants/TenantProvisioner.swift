import Domain
import Foundation

/// Provisioning a tenant: a copy of the migrated template plus the registry row that records it.
///
/// If the registry refuses (the tenant is unknown, terminated, or was provisioned meanwhile), the copied
/// file is removed again, so no orphan file is left behind.
package struct TenantProvisioner: Sendable {
    package let registry: Registry
    package let store: TenantStore

    package init(registry: Registry, store: TenantStore) {
        self.registry = registry
        self.store = store
    }

    package func provision(_ id: TenantID, actor: String, at now: Date) async throws -> Tenant {
        let tenant = try registry.requireTenant(id)
        _ = try tenant.provisioned(at: now)
        try store.createDatabaseFile(for: id)
        do {
            return try await registry.markProvisioned(id, schemaVersion: store.schema.version, actor: actor, at: now)
        } catch {
            try? await store.removeDatabaseFile(for: id)
            throw error
        }
    }
}

import Domain

extension TenantStore {
    /// The tenant's unsent mail, read without taking a place in the pool (`glance`): for the pass over every
    /// tenant at start.
    nonisolated package func outboxBacklog(of id: TenantID) async throws -> OutboxBacklog {
        try await glance(id) { db in try OutboxBacklog.read(db) }
    }
}

import Domain

/// How the engine tells the delivery worker that a transaction queued mail, so delivery starts at once
/// instead of at the next poll. Mail itself is written in the same transaction as the change it reports.
package struct MailSignal: Sendable {
    let tenant: @Sendable (TenantID) -> Void
    let registry: @Sendable () -> Void

    package init(tenant: @escaping @Sendable (TenantID) -> Void, registry: @escaping @Sendable () -> Void) {
        self.tenant = tenant
        self.registry = registry
    }

    /// For tools that run no delivery worker (`kp`): mail waits in the outbox for the server to send it.
    package static let none = MailSignal(tenant: { _ in }, registry: {})
}

import Domain
import Foundation
import Logging
import Metrics
import ServiceLifecycle
import Storage
import Synchronization

/// Delivers the mail waiting in tenants' outboxes and the registry's, with retries and backoff.
///
/// Mail is queued inside the transaction that creates it (see `TenantDatabase.createInvitation`); the
/// handler then calls `notify` so delivery starts at once. At start-up every provisioned tenant is
/// checked once and what is due is delivered at once, so mail queued before a restart (or a crash) neither
/// is forgotten nor waits for the first poll. A failed attempt stays in the outbox with its error and a later
/// `nextAttemptAt`: nothing is ever dropped.
package final class MailDeliveryService: Service, Sendable {
    private let registry: Registry
    private let store: TenantStore
    private let transport: any MailTransport
    private let from: String
    private let pollInterval: Duration
    private let logger: Logger
    private let now: @Sendable () -> Date
    private let pending = Mutex<Set<TenantID>>([])
    /// What each outbox held after its last pass (tenants with nothing waiting are left out), for the metrics.
    private let backlogs = Mutex<(registry: OutboxBacklog, tenants: [TenantID: OutboxBacklog])>((.empty, [:]))
    private let tenantFailures: Metrics.Counter
    private let registryFailures: Metrics.Counter
    private let wakeUp: AsyncStream<Void>.Continuation
    private let wakeUps: AsyncStream<Void>

    init(
        registry: Registry, store: TenantStore, transport: any MailTransport, from: String, pollInterval: Duration,
        logger: Logger, metrics: any MetricsFactory = NOOPMetricsHandler.instance, now: @escaping @Sendable () -> Date
    ) {
        tenantFailures = Metrics.Counter(
            label: "kp_mail_delivery_failures_total", dimensions: [("outbox", "tenant")], factory: metrics)
        registryFailures = Metrics.Counter(
            label: "kp_mail_delivery_failures_total", dimensions: [("outbox", "registry")], factory: metrics)
        self.registry = registry
        self.store = store
        self.transport = transport
        self.from = from
        self.pollInterval = pollInterval
        self.logger = logger
        self.now = now
        (wakeUps, wakeUp) = AsyncStream.makeStream(of: Void.self, bufferingPolicy: .bufferingNewest(1))
    }

    /// Mail was queued in this tenant's outbox.
    package func notify(_ tenant: TenantID) {
        pending.withLock { _ = $0.insert(tenant) }
        wakeUp.yield()
    }

    /// Mail was queued in the registry's outbox.
    package func notifyRegistry() {
        wakeUp.yield()
    }

    package func run() async throws {
        await recoverAtStart()
        let ticker = Task { [wakeUp, pollInterval] in
            while !Task.isCancelled {
                try? await Task.sleep(for: pollInterval)
                wakeUp.yield()
            }
        }
        defer { ticker.cancel() }
        await withGracefulShutdownHandler {
            for await _ in wakeUps.cancelOnGracefulShutdown() {
                await deliverDue()
            }
        } onGracefulShutdown: { [wakeUp] in
            wakeUp.finish()
        }
    }

    /// One delivery pass over every tenant with unsent mail; returns how many messages were sent.
    @discardableResult
    package func deliverDue() async -> Int {
        var sent = await deliverRegistryMail()
        for tenant in pending.withLock({ $0 }) {
            do {
                let (count, left) = try await store.withDatabase(tenant) { database in
                    var count = 0
                    for mail in try database.dueMail(at: now()) {
                        do {
                            try await transport.send(mail, from: from, at: now())
                            try await database.markSent(mail.id, at: now())
                            count += 1
                        } catch {
                            tenantFailures.increment()
                            logger.warning(
                                "mail delivery failed",
                                metadata: ["tenant": "\(tenant)", "mail": "\(mail.id)", "error": "\(error)"])
                            try await database.markFailed(mail.id, error: "\(error)", at: now())
                        }
                    }
                    return (count, try database.outboxBacklog())
                }
                sent += count
                record(left, of: tenant)
                if left.count == 0 { pending.withLock { _ = $0.remove(tenant) } }
            } catch {
                logger.error("mail outbox unreadable", metadata: ["tenant": "\(tenant)"])
            }
        }
        return sent
    }

    /// The registry's own outbox (onboarding and agreement mail), checked on every pass: one indexed query.
    private func deliverRegistryMail() async -> Int {
        var count = 0
        do {
            for mail in try registry.dueMail(at: now()) {
                do {
                    try await transport.send(mail, from: from, at: now())
                    try await registry.markSent(mail.id, at: now())
                    count += 1
                } catch {
                    registryFailures.increment()
                    logger.warning("mail delivery failed", metadata: ["outbox": "registry", "mail": "\(mail.id)", "error": "\(error)"])
                    try await registry.markFailed(mail.id, error: "\(error)", at: now())
                }
            }
            let left = try registry.outboxBacklog()
            backlogs.withLock { $0.registry = left }
        } catch {
            logger.error("registry outbox unreadable")
        }
        return count
    }

    /// Every outbox's unsent messages as of its last delivery pass: the count, and the oldest's queue time.
    /// Mail queued since is not in it until the pass it wakes (at once, or at the next poll).
    package var backlog: OutboxBacklog {
        backlogs.withLock { backlogs in
            ([backlogs.registry] + Array(backlogs.tenants.values)).reduce(into: OutboxBacklog.empty) { total, one in
                total.count += one.count
                if let oldest = one.oldest, total.oldest.map({ oldest < $0 }) ?? true { total.oldest = oldest }
            }
        }
    }

    private func record(_ backlog: OutboxBacklog, of tenant: TenantID) {
        backlogs.withLock { $0.tenants[tenant] = backlog.count == 0 ? nil : backlog }
    }

    /// The start-up pass: finds the tenants with unsent mail and delivers what is due, before the worker
    /// waits for the first poll or new mail. Returns how many messages were sent.
    @discardableResult
    func recoverAtStart() async -> Int {
        let started = ContinuousClock.now
        let (checked, withMail) = await recoverPending()
        let sent = await deliverDue()
        let elapsed = ContinuousClock.now - started
        // Says when the pass over every tenant file is over: until then it shares the cores with requests
        // (the benchmark waits for this line before it times one).
        logger.info(
            "mail recovery finished",
            metadata: [
                "tenants": "\(checked)", "with_mail": "\(withMail)", "sent": "\(sent)",
                "ms": "\(Int((elapsed / .milliseconds(1)).rounded()))",
            ])
        return sent
    }

    /// Finds tenants whose outbox still holds unsent mail (after a restart).
    ///
    /// Each file is read with `TenantStore.outboxBacklog(of:)`, outside the pool: only the tenants with mail
    /// are opened in it, by the delivery that follows, so a restart does not close the pools of the tenants
    /// that requests are using.
    ///
    /// Each tenant is tried on its own: one whose file is missing or broken is logged and skipped, and the
    /// others are still recovered. The log names the tenant and the kind of error, never its description,
    /// which may quote data.
    /// Returns how many tenants it checked, and how many of them had mail waiting.
    @discardableResult
    func recoverPending() async -> (checked: Int, withMail: Int) {
        let tenants: [Tenant]
        do {
            tenants = try registry.tenants().filter(\.isProvisioned)
        } catch {
            logger.error("mail recovery: registry unreadable", metadata: ["error": "\(String(reflecting: type(of: error)))"])
            return (0, 0)
        }
        var withMail = 0
        for tenant in tenants {
            do {
                let backlog = try await store.outboxBacklog(of: tenant.id)
                if backlog.count > 0 {
                    withMail += 1
                    record(backlog, of: tenant.id)
                    pending.withLock { _ = $0.insert(tenant.id) }
                }
            } catch {
                logger.error(
                    "mail recovery skipped a tenant",
                    metadata: ["tenant": "\(tenant.id)", "error": "\(String(reflecting: type(of: error)))"])
            }
        }
        return (tenants.count, withMail)
    }
}

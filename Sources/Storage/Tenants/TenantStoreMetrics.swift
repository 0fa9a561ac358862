import Metrics

/// The tenant store's counters, made by the server's metrics factory (or swift-metrics' no-op one, for the
/// tools and tests that do not export metrics).
///
/// Made once, so counting on the open path is an atomic add and never a lookup in the factory's registry.
package struct TenantStoreMetrics: Sendable {
    /// A tenant file opened into a pool.
    let opens: Counter
    /// An unused pool closed to make room for another tenant (the cap, `tenants.maxOpen`).
    let evictions: Counter
    /// An opener that found every open pool in use and waited for one to be released.
    let slotWaits: Counter

    package init(factory: any MetricsFactory) {
        opens = Counter(label: "kp_tenant_store_opens_total", factory: factory)
        evictions = Counter(label: "kp_tenant_store_evictions_total", factory: factory)
        slotWaits = Counter(label: "kp_tenant_store_slot_waits_total", factory: factory)
    }

    /// Counts nothing: for `kp` commands and tests that export no metrics.
    package static var none: TenantStoreMetrics { TenantStoreMetrics(factory: NOOPMetricsHandler.instance) }
}

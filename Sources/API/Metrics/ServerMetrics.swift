import Foundation
import Metrics
import Prometheus
import Synchronization

/// The server's metrics: one Prometheus registry that swift-metrics' counters and timers write into, and the
/// gauges whose value is read when `/metrics` is scraped.
///
/// Each server (and each test's server) has its own registry, given to what it counts through the factory,
/// so nothing is bootstrapped process-wide and parallel tests do not see each other's numbers.
///
/// A gauge of state the server already keeps (open pools, the outbox backlog) is read at scrape time rather
/// than kept up to date on every change: the request path pays nothing for it. Adding one is one call:
///
/// ```swift
/// metrics.addGauge("kp_backup_lag_seconds", dimensions: [("replica", "0")]) { supervisor.lag(of: 0) }
/// ```
package final class ServerMetrics: Sendable {
    package let registry: PrometheusCollectorRegistry
    package let factory: PrometheusMetricsFactory
    private let samplers = Mutex<[@Sendable () -> Void]>([])
    /// The listeners running on this registry, oldest first: one in a server; a test that also builds router
    /// applications on the same services may have more for a moment.
    private let listeners = Mutex<(next: Int, running: [(id: Int, port: Int)])>((0, []))

    package init() {
        registry = PrometheusCollectorRegistry()
        var factory = PrometheusMetricsFactory(registry: registry)
        // Most requests take a few milliseconds: finer buckets at the low end than the factory's default.
        factory.defaultDurationHistogramBuckets = [
            .microseconds(500), .milliseconds(1), .microseconds(2500), .milliseconds(5), .milliseconds(10),
            .milliseconds(25), .milliseconds(50), .milliseconds(100), .milliseconds(250), .milliseconds(500),
            .seconds(1), .microseconds(2_500_000), .seconds(5), .seconds(10),
        ]
        self.factory = factory
    }

    /// A gauge set to `read()` at each scrape. `read` runs on the scrape's task: it must be quick and must
    /// not throw (return the last known value, or skip by returning nil).
    package func addGauge(
        _ name: String, dimensions: [(String, String)] = [], read: @escaping @Sendable () -> Double?
    ) {
        let gauge = Metrics.Gauge(label: name, dimensions: dimensions, factory: factory)
        samplers.withLock { $0.append { if let value = read() { gauge.record(value) } } }
    }

    /// A counter whose total is kept elsewhere (a row count in a database): at each scrape it is advanced
    /// to `read()`. A total that went down (a restored database) is ignored until it passes the last one.
    package func addCounter(
        _ name: String, dimensions: [(String, String)] = [], total read: @escaping @Sendable () -> Int?
    ) {
        let counter = Metrics.Counter(label: name, dimensions: dimensions, factory: factory)
        let seen = LastTotal()
        samplers.withLock {
            $0.append {
                guard let total = read() else { return }
                let step = seen.value.withLock { last -> Int in
                    defer { last = max(last, total) }
                    return total - last
                }
                if step > 0 { counter.increment(by: step) }
            }
        }
    }

    /// The text exposition format (version 0.0.4), with every sampled gauge read first.
    package func exposition() -> [UInt8] {
        for sample in samplers.withLock({ $0 }) { sample() }
        return registry.emitToBuffer()
    }

    /// The port the metrics listener is bound to while it runs (`metrics.port` 0 picks a free one).
    package var port: Int? { listeners.withLock { $0.running.first?.port } }

    func newListenerID() -> Int {
        listeners.withLock { state in
            defer { state.next += 1 }
            return state.next
        }
    }

    func listenerStarted(_ id: Int, port: Int) { listeners.withLock { $0.running.append((id, port)) } }

    func listenerStopped(_ id: Int) { listeners.withLock { $0.running.removeAll { $0.id == id } } }
}

/// The total a sampled counter last reached.
private final class LastTotal: Sendable {
    let value = Mutex<Int>(0)
}

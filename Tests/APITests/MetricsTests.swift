import Domain
import Foundation
import HTTPTypes
import HummingbirdTesting
import TestSupport
import Testing

@testable import API

/// `/metrics` of a running server, scraped over its own loopback listener and parsed by Prometheus' own parser.
@Suite(.enabled(if: MetricsScrape.parserAvailable, "needs prometheus-client: pip install prometheus-client"))
struct MetricsTests {
    /// A running server on a free port, its metrics listener on another; `maxOpen` 1 so that a second tenant
    /// evicts the first, and SMTP to a port where nothing listens, so that every delivery fails.
    ///
    /// Requests go to the running server only: one through `app.test` runs the services of another application
    /// on the same `AppServices`, and its shutdown ends the shared mail worker, and with it this server.
    static func start(metricsToken: String? = nil) async throws -> (TestApp, LiveServer, metricsPort: Int) {
        for _ in 0..<5 {
            let port = Int.random(in: 30_000..<60_000)
            let app = try TestApp(maxOpen: 1, metricsToken: metricsToken) { configuration in
                configuration.http.port = port
                configuration.mail.transport = "smtp"
                configuration.mail.smtpPort = Int.random(in: 40_000..<50_000)
            }
            guard let server = try? await LiveServer(app: app, port: port) else { continue }
            for _ in 0..<100 {
                if let metricsPort = app.services.metrics.port { return (app, server, metricsPort) }
                try await Task.sleep(for: .milliseconds(50))
            }
            throw MetricsScrapeError.noListener
        }
        throw SMTPServerError.didNotStart
    }

    @Test("The series move with requests, by route template and status, and no label names a tenant")
    func seriesMoveWithRequests() async throws {
        let (app, server, metricsPort) = try await Self.start()
        defer { Task { await server.stop() } }
        let first = try await app.activate("kommune-0301")
        let second = try await app.activate("kommune-4601")
        let lis = try await app.token()
        let registered = try await server.send(
            "POST", "/api/v1/tenants/\(first)/trainees/me", headers: ["Authorization": "Bearer \(lis)"],
            json: #"{"programme":"alis"}"#)
        #expect(registered.status == 201)
        let traineeID = try #require(registered.json["id"] as? String)
        let before = try await MetricsScrape(port: metricsPort)

        let route = "/api/v1/tenants/{tenantId}/trainees/me"
        for _ in 0..<3 {
            #expect(try await server.get("/api/v1/tenants/\(first)/trainees/me", headers: ["Authorization": "Bearer \(lis)"]).status == 200)
        }
        // The second tenant's pool takes the only slot: the first one's is evicted.
        let elsewhere = try await server.get("/api/v1/tenants/\(second)/trainees/me", headers: ["Authorization": "Bearer \(lis)"])
        #expect(try await server.get("/no/such/page/\(first)").status == 404)
        #expect(try await server.get("/metrics").status == 404, "the public port does not serve the metrics")
        // Audit entries: a tenant created and opened.
        try await app.activate("kommune-1103")
        // A failed delivery: the invitation's mail stays in the outbox.
        let invited = try await server.send(
            "POST", "/api/v1/tenants/\(first)/trainees/\(traineeID)/invitations",
            headers: ["Authorization": "Bearer \(lis)"],
            json: #"{"role":"veileder","email":"vera@example.no","replacesHolder":false}"#)
        #expect(invited.status == 201)
        await app.services.mailer.deliverDue()
        app.clock.advance(by: 90)

        // A wait for a free slot: the only pool is leased, so a request for another tenant waits until it is
        // returned. The scrape shows the wait while the request is still waiting.
        let held = try await app.services.tenantStore.acquire(first)
        let waiting = Task {
            try await server.get("/api/v1/tenants/\(second)/trainees/me", headers: ["Authorization": "Bearer \(lis)"]).status
        }
        var sawWait = false
        for _ in 0..<100 where !sawWait {
            let now = try await MetricsScrape(port: metricsPort)
            sawWait = now.value("kp_tenant_store_slot_waits_total") > before.value("kp_tenant_store_slot_waits_total")
            if !sawWait { try await Task.sleep(for: .milliseconds(50)) }
        }
        _ = held
        app.services.tenantStore.release(first)
        #expect(sawWait)
        #expect(try await waiting.value == elsewhere.status)

        let after = try await MetricsScrape(port: metricsPort)
        let ok = ["route": route, "method": "GET", "status": "200"]
        #expect(after.value("kp_http_requests_total", ok) - before.value("kp_http_requests_total", ok) == 3)
        #expect(
            after.value("kp_http_request_duration_seconds_count", ok)
                - before.value("kp_http_request_duration_seconds_count", ok) == 3)
        #expect(after.value("kp_http_request_duration_seconds_bucket", ok.merging(["le": "+Inf"]) { $1 }) >= 3)
        #expect(after.value("kp_http_requests_total", ["route": "NotFound", "status": "404"]) >= 2)
        #expect(after.value("kp_tenant_store_opens_total") > before.value("kp_tenant_store_opens_total"))
        #expect(after.value("kp_tenant_store_evictions_total") > before.value("kp_tenant_store_evictions_total"))
        #expect(after.value("kp_tenant_databases_open") == 1)
        #expect(after.value("kp_tenant_databases_max") == 1)
        #expect(after.value("kp_audit_entries_total") > before.value("kp_audit_entries_total"))
        #expect(
            after.value("kp_mail_delivery_failures_total", ["outbox": "tenant"])
                > before.value("kp_mail_delivery_failures_total", ["outbox": "tenant"]))
        #expect(after.value("kp_mail_outbox_depth") >= 1)
        // The queue time is stored to the millisecond.
        #expect(after.value("kp_mail_outbox_oldest_age_seconds") > 89)

        let tenants = [first, second].map(\.rawValue) + ["kommune-1103", traineeID]
        for sample in after.samples {
            for (name, value) in sample.labels {
                #expect(!tenants.contains { value.contains($0) }, "\(sample.name) \(name)=\(value)")
            }
        }
        #expect(after.samples.filter { $0.name == "kp_http_requests_total" }.allSatisfy { !$0.labels["route", default: "/"].contains("kommune") })
    }

    @Test("With KP_METRICS_TOKEN, a scrape without the bearer token is refused")
    func theTokenGuardsTheListener() async throws {
        let (_, server, metricsPort) = try await Self.start(metricsToken: "scrape-secret")
        defer { Task { await server.stop() } }
        #expect(try await MetricsScrape.get(port: metricsPort).status == 401)
        #expect(try await MetricsScrape.get(port: metricsPort, token: "not-it").status == 401)
        let scrape = try await MetricsScrape(port: metricsPort, token: "scrape-secret")
        #expect(scrape.has("kp_tenant_databases_open"))
    }

    @Test("A metrics listener off loopback without a token stops the start")
    func offLoopbackNeedsAToken() throws {
        var configuration = AppConfiguration()
        configuration.metrics.host = "0.0.0.0"
        let environment = ["KP_PID_HASH_KEY": String(repeating: "ab", count: 32), "KP_SEAL_KEY": String(repeating: "cd", count: 32)]
        #expect(throws: ConfigurationError.unprotectedMetrics(host: "0.0.0.0")) {
            try AppSecrets.load(environment: environment, configuration: configuration, demoFolder: nil)
        }
        let withToken = environment.merging(["KP_METRICS_TOKEN": "t"]) { $1 }
        #expect(try AppSecrets.load(environment: withToken, configuration: configuration, demoFolder: nil).metricsToken == "t")
    }
}

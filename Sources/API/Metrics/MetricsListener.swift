import Foundation
import HTTPTypes
import Hummingbird
import Logging
import NIOCore
import ServiceLifecycle

/// `/metrics` for Prometheus, on a listener of its own (`metrics.host`, `metrics.port`; loopback by default),
/// so that the public port never serves it and a firewall can keep it to operators.
///
/// With `KP_METRICS_TOKEN` set, a scrape must send `Authorization: Bearer <token>`; the token is compared in
/// constant time. The configuration refuses a listener off loopback without a token (`AppSecrets.load`).
enum MetricsListener {
    static func application(
        metrics: ServerMetrics, settings: AppConfiguration.Metrics, token: String?, logger: Logger
    ) -> some Service {
        let id = metrics.newListenerID()
        let router = Router()
        let expected = token.map { Array("Bearer \($0)".utf8) }
        router.get("/metrics") { request, _ -> Response in
            if let expected, !Self.matches(request.headers[.authorization], expected) {
                return Response(
                    status: .unauthorized, headers: [.wwwAuthenticate: "Bearer realm=\"metrics\""])
            }
            return Response(
                status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
                body: ResponseBody(byteBuffer: ByteBuffer(bytes: metrics.exposition())))
        }
        let application = Application(
            router: router,
            configuration: .init(address: .hostname(settings.host, port: settings.port), serverName: "kp-metrics"),
            onServerRunning: { channel in
                let port = channel.localAddress?.port ?? settings.port
                metrics.listenerStarted(id, port: port)
                logger.info("metrics listening", metadata: ["address": "http://\(settings.host):\(port)/metrics"])
            },
            logger: logger)
        return Running(application: application) { metrics.listenerStopped(id) }
    }

    /// The listener, and what to do once it has stopped.
    private struct Running<Listener: ApplicationProtocol>: Service {
        let application: Listener
        let stopped: @Sendable () -> Void

        func run() async throws {
            defer { stopped() }
            try await application.run()
        }
    }

    /// Compares the whole header with the expected value in time that does not depend on where they differ.
    private static func matches(_ header: String?, _ expected: [UInt8]) -> Bool {
        guard let header else { return false }
        let given = Array(header.utf8)
        guard given.count == expected.count else { return false }
        return zip(given, expected).reduce(UInt8(0)) { $0 | ($1.0 ^ $1.1) } == 0
    }
}

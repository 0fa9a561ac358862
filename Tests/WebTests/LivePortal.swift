import Foundation
import Hummingbird
import Logging
import ServiceLifecycle

@testable import API

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// The portal on a real loopback port, for the login flow: the login client talks HTTP to the development
/// issuer on the same server, and the test plays the browser (no redirects followed, cookies by hand).
final class LivePortal: Sendable {
    struct Answer: Sendable {
        let status: Int
        let location: String?
        let setCookie: String
        let body: String
    }

    let app: PortalApp
    let port: Int
    private let group: ServiceGroup
    private let task: Task<Void, any Error>
    private let session: URLSession

    private init(app: PortalApp, port: Int) async throws {
        self.app = app
        self.port = port
        var logger = Logger(label: "live-portal")
        logger.logLevel = .critical
        group = ServiceGroup(
            configuration: .init(services: [try buildApplication(services: app.services)], logger: logger))
        let group = group
        task = Task { try await group.run() }
        let configuration = URLSessionConfiguration.ephemeral
        configuration.httpShouldSetCookies = false
        configuration.httpCookieAcceptPolicy = .never
        session = URLSession(configuration: configuration, delegate: NoRedirects(), delegateQueue: nil)
        for _ in 0..<100 {
            if (try? await send("GET", "/health/live").status) == 200 { return }
            try await Task.sleep(for: .milliseconds(50))
        }
        throw LivePortalError.didNotStart
    }

    /// A portal whose development issuer is also its login issuer, on a free port.
    static func start() async throws -> LivePortal {
        for _ in 0..<5 {
            let port = Int.random(in: 30_000..<60_000)
            let app = try PortalApp { configuration in
                configuration.http.port = port
                configuration.http.publicBaseURL = "http://127.0.0.1:\(port)"
                configuration.devIssuer.issuer = "http://127.0.0.1:\(port)/dev-issuer"
                configuration.login.enabled = true
                configuration.login.redirectURI = "http://127.0.0.1:\(port)/auth/callback"
            }
            if let portal = try? await LivePortal(app: app, port: port) { return portal }
        }
        throw LivePortalError.didNotStart
    }

    func stop() async {
        await group.triggerGracefulShutdown()
        _ = try? await task.value
    }

    func send(_ method: String, _ pathOrURL: String, headers: [String: String] = [:], body: String? = nil) async throws
        -> Answer
    {
        let address = pathOrURL.hasPrefix("http") ? pathOrURL : "http://127.0.0.1:\(port)\(pathOrURL)"
        guard let url = URL(string: address) else { throw URLError(.badURL) }
        var request = URLRequest(url: url)
        request.httpMethod = method
        for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
        request.httpBody = body.map { Data($0.utf8) }
        let (data, response) = try await session.data(for: request)
        let http = response as? HTTPURLResponse
        return Answer(
            status: http?.statusCode ?? 0, location: http?.value(forHTTPHeaderField: "Location"),
            setCookie: http?.value(forHTTPHeaderField: "Set-Cookie") ?? "", body: String(decoding: data, as: UTF8.self))
    }
}

enum LivePortalError: Error { case didNotStart }

private final class NoRedirects: NSObject, URLSessionTaskDelegate, Sendable {
    func urlSession(
        _ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse,
        newRequest request: URLRequest, completionHandler: @escaping (URLRequest?) -> Void
    ) {
        completionHandler(nil)
    }
}

import Foundation
import Hummingbird
import Logging
import ServiceLifecycle

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

@testable import API

/// The application running on a real loopback port of our choosing (HummingbirdTesting's live mode
/// always picks a free port, but the login flow's issuer URL must be known before the server starts).
final class LiveServer: Sendable {
    let port: Int
    private let group: ServiceGroup
    private let task: Task<Void, any Error>
    private let session: URLSession

    init(app: TestApp, port: Int) async throws {
        self.port = port
        let application = try buildApplication(services: app.services)
        var logger = Logger(label: "live")
        logger.logLevel = .critical
        group = ServiceGroup(configuration: .init(services: [application], logger: logger))
        let group = group
        task = Task { try await group.run() }
        session = URLSession(configuration: .ephemeral, delegate: NoRedirects(), delegateQueue: nil)
        for _ in 0..<100 {
            if (try? await get("/health/live").status) == 200 { return }
            try await Task.sleep(for: .milliseconds(50))
        }
        throw SMTPServerError.didNotStart
    }

    func stop() async {
        await group.triggerGracefulShutdown()
        _ = try? await task.value
    }

    /// A GET that does not follow redirects; `pathOrURL` may be absolute.
    func get(_ pathOrURL: String, headers: [String: String] = [:]) async throws
        -> (status: Int, location: String?, json: [String: Any])
    {
        try await send("GET", pathOrURL, headers: headers)
    }

    func send(_ method: String, _ pathOrURL: String, headers: [String: String] = [:], json body: String? = nil)
        async throws -> (status: Int, location: String?, json: [String: Any])
    {
        let address = pathOrURL.hasPrefix("http") ? pathOrURL : "http://127.0.0.1:\(port)\(pathOrURL)"
        guard let url = URL(string: address) else { throw URLError(.badURL) }
        var request = URLRequest(url: url)
        request.httpMethod = method
        for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
        if let body {
            request.setValue("application/json", forHTTPHeaderField: "Content-Type")
            request.httpBody = Data(body.utf8)
        }
        let (data, response) = try await session.data(for: request)
        let http = response as? HTTPURLResponse
        return (http?.statusCode ?? 0, http?.value(forHTTPHeaderField: "Location"), jsonObject(data))
    }
}

private final class NoRedirects: NSObject, URLSessionTaskDelegate, Sendable {
    func urlSession(
        _ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse,
        newRequest request: URLRequest, completionHandler: @escaping (URLRequest?) -> Void
    ) {
        completionHandler(nil)
    }
}

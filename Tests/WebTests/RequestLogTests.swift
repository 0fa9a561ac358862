import Foundation
import HummingbirdTesting
import Logging
import Synchronization
import Testing

@testable import API

/// The tokens of e-mail links never reach a log: the request log names the path, never the query.
@Suite struct RequestLogTests {
    /// Keeps every message and its metadata, as text.
    final class Recorder: LogHandler, @unchecked Sendable {
        let lines = Mutex<[String]>([])
        var metadata: Logger.Metadata = [:]
        var logLevel: Logger.Level = .trace

        subscript(metadataKey key: String) -> Logger.Metadata.Value? {
            get { metadata[key] }
            set { metadata[key] = newValue }
        }

        func log(event: LogEvent) {
            let all = metadata.merging(event.metadata ?? [:]) { _, new in new }
            lines.withLock { $0.append("\(event.message) \(all)") }
        }
    }

    @Test func aSignersLinkIsLoggedWithoutItsToken() async throws {
        let recorder = Recorder()
        var logger = Logger(label: "recorded") { _ in recorder }
        logger.logLevel = .trace
        let journey = try SignerJourney(logger: logger)
        let token = try await journey.invite()
        try await journey.app.test { client in
            _ = try await client.execute(uri: "/kontaktperson/godta?tenant=kommune-4601&token=\(token)", method: .get) {
                $0.status
            }
        }
        let lines = recorder.lines.withLock { $0 }
        #expect(lines.contains { $0.contains("/kontaktperson/godta") })
        #expect(!lines.contains { $0.contains(token) })
    }
}

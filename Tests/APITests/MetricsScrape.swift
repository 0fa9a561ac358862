import Foundation

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// One scrape of `/metrics`, parsed by Prometheus' official Python parser (`Tests/Tools/parse_metrics.py`).
struct MetricsScrape {
    struct Sample: Decodable {
        let family: String
        let type: String
        let name: String
        let labels: [String: String]
        let value: Double
    }

    let samples: [Sample]

    /// prometheus-client is installed (CI installs it; `pip install prometheus-client` locally).
    static var parserAvailable: Bool {
        InstalledTool.succeeds(["python3", "-c", "import prometheus_client.parser"])
            || ProcessInfo.processInfo.environment["CI"] == "true"
    }

    /// GETs `/metrics` from the listener and parses it; fails on a status other than 200 or a text the
    /// parser refuses.
    init(port: Int, token: String? = nil) async throws {
        let (status, text) = try await Self.get(port: port, token: token)
        guard status == 200 else { throw MetricsScrapeError.status(status) }
        samples = try Self.parse(text)
    }

    static func get(port: Int, token: String? = nil) async throws -> (status: Int, text: String) {
        guard let url = URL(string: "http://127.0.0.1:\(port)/metrics") else { throw URLError(.badURL) }
        var request = URLRequest(url: url)
        if let token { request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization") }
        let (data, response) = try await URLSession.shared.data(for: request)
        return ((response as? HTTPURLResponse)?.statusCode ?? 0, String(decoding: data, as: UTF8.self))
    }

    private static func parse(_ text: String) throws -> [Sample] {
        let parser = Process()
        parser.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        parser.arguments = ["python3", SMTPServer.tools.appendingPathComponent("parse_metrics.py").path]
        let input = Pipe()
        let output = Pipe()
        parser.standardInput = input
        parser.standardOutput = output
        parser.standardError = FileHandle.nullDevice
        try parser.run()
        input.fileHandleForWriting.write(Data(text.utf8))
        try input.fileHandleForWriting.close()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        parser.waitUntilExit()
        guard parser.terminationStatus == 0 else { throw MetricsScrapeError.unparsable(text) }
        return try JSONDecoder().decode([Sample].self, from: data)
    }

    /// The sum of the samples with this name whose labels include `labels`.
    func value(_ name: String, _ labels: [String: String] = [:]) -> Double {
        samples.filter { sample in
            sample.name == name && labels.allSatisfy { sample.labels[$0.key] == $0.value }
        }.reduce(0) { $0 + $1.value }
    }

    /// Whether any sample has this name.
    func has(_ name: String) -> Bool { samples.contains { $0.name == name } }
}

enum MetricsScrapeError: Error {
    case status(Int)
    case unparsable(String)
    case noListener
}

import Foundation
import HTTPTypes
import HummingbirdTesting
import Testing

@testable import API
@testable import Domain

/// The progress report's JSON is written by hand (`ProgressReport.jsonText`) for a plain request and by the
/// generated server's `JSONEncoder` for every other: a client must get the same bytes from both.
@Suite struct ProgressReportJSONTests {
    /// Every control character, both escaped solidi, quotes, Norwegian letters, an emoji and U+2028.
    static let awkward: String = {
        var text = "Å \"sitat\" \\ / æøå 😀 \u{7F}\u{2028} "
        for byte in UInt8(0)..<0x20 { text.unicodeScalars.append(Unicode.Scalar(byte)) }
        return text
    }()

    static func encoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return encoder
    }

    static func report() throws -> (ProgressReport, Trainee) {
        let lis1 = PlanReference(key: try PlanKey("lis1-kommune"), version: 3)
        let alis = PlanReference(key: try PlanKey("alis"), version: 1)
        let statuses = ObjectiveStatus.allCases
        let lines = try statuses.enumerated().map { index, status in
            ProgressReport.Line(
                objectiveID: try ObjectiveID("DEL1-00\(index + 1)"), title: "Mål \(index) " + awkward, status: status,
                approval: nil)
        }
        func ids(_ wanted: Set<ObjectiveStatus>) -> [ObjectiveID] {
            lines.filter { wanted.contains($0.status) }.map(\.objectiveID)
        }
        let first = ProgressReport.PlanProgress(
            plan: lis1, name: "LIS1 " + awkward, lines: lines, approved: ids([.approved, .approvedElsewhere]),
            submitted: ids([.submitted]), inProgress: ids([.inProgress, .rejected]), notStarted: ids([.notStarted]),
            importedApprovals: 1, activitiesSigned: 1_234_567, activitiesAwaitingSignature: 0)
        let empty = ProgressReport.PlanProgress(
            plan: alis, name: "", lines: [], approved: [], submitted: [], inProgress: [], notStarted: [],
            importedApprovals: 0, activitiesSigned: 0, activitiesAwaitingSignature: 7)
        let trainee = Trainee(
            id: UUID(uuidString: "F040C679-DF6E-42D6-AB82-4F1CE0023D55")!, personKey: PersonKey(digest: [1, 2, 3]),
            name: "Lise " + awkward, hprNumber: nil, programme: .alis, email: nil, registeredAt: Date())
        return (ProgressReport(traineeID: trainee.id, plans: [first, empty], talksHeld: 12, talksOpen: 0), trainee)
    }

    @Test("The hand-written report is byte for byte what the generated encoder writes, escapes and key order included")
    func theHandWrittenReportIsWhatTheEncoderWrites() throws {
        let (report, trainee) = try Self.report()
        let expected = try Self.encoder().encode(Components.Schemas.ProgressReport(report, trainee: trainee))
        let written = report.jsonText(trainee: trainee)
        #expect(String(decoding: written, as: UTF8.self) == String(decoding: expected, as: UTF8.self))
        #expect(written == Array(expected))
        let decoded = try JSONDecoder().decode(Components.Schemas.ProgressReport.self, from: Data(written))
        #expect(decoded == Components.Schemas.ProgressReport(report, trainee: trainee))
        #expect(decoded.name == "Lise " + Self.awkward)
    }

    @Test("A report without plans is written as the encoder writes it")
    func aReportWithoutPlansIsWrittenAsTheEncoderWritesIt() throws {
        let (_, trainee) = try Self.report()
        let report = ProgressReport(traineeID: trainee.id, plans: [], talksHeld: 0, talksOpen: 3)
        let expected = try Self.encoder().encode(Components.Schemas.ProgressReport(report, trainee: trainee))
        #expect(report.jsonText(trainee: trainee) == Array(expected))
    }

    @Test("Strings, negative numbers and booleans are written as the encoder writes them")
    func stringsNumbersAndBooleansAreWrittenAsTheEncoderWritesThem() throws {
        let strings = ["", "a", Self.awkward, "/", "\\", "\"", String(repeating: "æ/", count: 300), "\u{0}x"]
        var json = JSONText(capacity: 0)
        json.array(strings) { json, text in json.string(text) }
        #expect(json.bytes == Array(try Self.encoder().encode(strings)))
        let numbers = [0, -1, 7, 10, -10, 1_000_000, Int.min, Int.max]
        json = JSONText(capacity: 0)
        json.array(numbers) { json, number in json.int(number) }
        #expect(json.bytes == Array(try Self.encoder().encode(numbers)))
        json = JSONText(capacity: 0)
        json.array([true, false]) { json, value in json.bool(value) }
        #expect(json.bytes == Array(try Self.encoder().encode([true, false])))
    }

    @Test("Only a plain JSON request is written by hand; any other query or Accept goes to the generated operation")
    func onlyAPlainJSONRequestIsWrittenByHand() {
        func request(_ path: String, accept: String? = nil) -> HTTPRequest {
            var request = HTTPRequest(method: .get, scheme: nil, authority: nil, path: path)
            if let accept { request.headerFields[.accept] = accept }
            return request
        }
        let path = "/api/v1/tenants/kommune-0301/trainees/x/progress"
        #expect(ProgressReportJSONMiddleware.asksForPlainJSON(request(path)))
        #expect(ProgressReportJSONMiddleware.asksForPlainJSON(request(path + "?format=json")))
        #expect(ProgressReportJSONMiddleware.asksForPlainJSON(request(path, accept: "application/json")))
        #expect(ProgressReportJSONMiddleware.asksForPlainJSON(request(path, accept: "*/*")))
        #expect(!ProgressReportJSONMiddleware.asksForPlainJSON(request(path + "?format=csv")))
        #expect(!ProgressReportJSONMiddleware.asksForPlainJSON(request(path + "?format=json&x=1")))
        #expect(!ProgressReportJSONMiddleware.asksForPlainJSON(request(path + "?")))
        #expect(!ProgressReportJSONMiddleware.asksForPlainJSON(request(path, accept: "text/html")))
        #expect(!ProgressReportJSONMiddleware.asksForPlainJSON(request(path, accept: "application/json;q=0.5, text/csv")))
    }

    /// GET `uri` with the LIS's token and, if given, an `Accept` header.
    static func get(_ f: TrainingFixture, _ uri: String, accept: String? = nil) async throws
        -> (status: HTTPResponse.Status, data: Data, contentType: String?, problem: Problem?)
    {
        try await f.app.test { client in
            var headers: HTTPFields = .bearer(f.lis)
            if let accept { headers[.accept] = accept }
            return try await client.execute(uri: uri, method: .get, headers: headers) {
                ($0.status, $0.data, $0.headers[.contentType], $0.problem)
            }
        }
    }

    @Test("The server answers a plain request and a negotiated one with the same bytes, and refuses both alike")
    func theServerAnswersBothWaysAlike() async throws {
        let f = try await TrainingFixture(lisName: "Lise \"Lege\" / Ås")
        try await f.bringInEveryone()
        let recorded = try await f.call(
            f.base + "/activities", .post, f.lis,
            #"{"planKey":"lis1-kommune","objectiveId":"DEL1-001","recommendation":0,"performedOn":"\#(f.app.clock.now.isoDay)"}"#)
        #expect(recorded.status == .created)
        // Not a plain request (the Accept has a second type): the generated operation and its encoder.
        let negotiated = "application/json, text/csv;q=0.5"
        let generated = try await Self.get(f, f.base + "/progress", accept: negotiated)
        #expect(generated.status == .ok)
        #expect(generated.contentType == "application/json; charset=utf-8")
        for (uri, accept) in [(f.base + "/progress", nil), (f.base + "/progress?format=json", "application/json")] {
            let plain = try await Self.get(f, uri, accept: accept)
            #expect(plain.status == .ok)
            #expect(plain.contentType == generated.contentType)
            #expect(plain.data == generated.data)
        }
        let report = try JSONDecoder().decode(Components.Schemas.ProgressReport.self, from: generated.data)
        #expect(report.name == "Lise \"Lege\" / Ås")
        #expect(report.plans.first?.lines.map(\.status) == [.inProgress, .notStarted])

        let base = "/api/v1/tenants/\(f.tenant)/trainees/"
        for trainee in ["not-a-uuid", UUID().uuidString.lowercased()] {
            let plain = try await Self.get(f, base + trainee + "/progress")
            let other = try await Self.get(f, base + trainee + "/progress", accept: negotiated)
            #expect(plain.status != .ok)
            #expect(plain.status == other.status)
            #expect(plain.problem?.code != nil)
            #expect(plain.problem?.code == other.problem?.code)
        }
        let csv = try await Self.get(f, f.base + "/progress?format=csv")
        #expect(csv.contentType?.hasPrefix("text/csv") == true)
    }
}

import Domain
import Foundation
import HTTPTypes
import HummingbirdTesting
import TestSupport
import Testing
import Web

@testable import API

/// The CSV downloads are for Norwegian users opening them in a spreadsheet, and a format the report does not
/// have is refused as such.
@Suite struct ReportDownloadTests {
    static let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]

    /// The raw response: status, headers and the bytes as sent.
    static func download(_ f: TrainingFixture, _ uri: String, _ token: String?) async throws
        -> (status: HTTPResponse.Status, headers: HTTPFields, bytes: [UInt8])
    {
        try await f.app.test { client in
            try await client.execute(uri: uri, method: .get, headers: token.map { .bearer($0) } ?? [:]) {
                ($0.status, $0.headers, Array($0.body.readableBytesView))
            }
        }
    }

    /// The lines of a CSV file after its byte order mark, decoded as UTF-8.
    static func lines(_ bytes: [UInt8]) throws -> [String] {
        try #require(Array(bytes.prefix(3)) == byteOrderMark, "the file starts with a UTF-8 byte order mark")
        let text = try #require(String(validating: bytes.dropFirst(3), as: UTF8.self))
        #expect(text.hasSuffix("\r\n"))
        return text.components(separatedBy: "\r\n").dropLast()
    }

    @Test func theProgressReportCSVIsBokmalWithSemicolonsAndAByteOrderMarkAndÆØÅSurvive() async throws {
        let f = try await TrainingFixture(lisName: "Åse Ødegård-Bærum")
        try await f.bringInEveryone()
        let leder = try #require(f.tokens[.leder])
        let response = try await Self.download(f, f.base + "/progress?format=csv", leder)
        #expect(response.status == .ok)
        #expect(response.headers[.contentType] == "text/csv; charset=utf-8")
        let disposition = try #require(response.headers[.contentDisposition])
        let day = f.app.clock.now.isoDay
        let expected = ContentDisposition.attachment(filename: "fremdriftsrapport Åse Ødegård-Bærum \(day).csv")
        #expect(disposition == expected)
        #expect(disposition.contains("filename*=UTF-8''fremdriftsrapport%20%C3%85se%20%C3%98deg%C3%A5rd-B%C3%A6rum"))
        let lines = try Self.lines(response.bytes)
        #expect(lines.first == "Plan;Versjon;Læringsmål;Tittel;Status;Godkjent dato;Godkjent hos")
        #expect(lines.count == 3)
        #expect(lines.dropFirst().allSatisfy { $0.split(separator: ";", omittingEmptySubsequences: false).count == 7 })
        #expect(lines.dropFirst().allSatisfy { $0.contains(";Ikke startet;") })
        #expect(lines[1].hasPrefix("LIS1 kommune (testkatalog);1;DEL1-001;Akutte tilstander;"))
    }

    @Test func theLederAndTenantOverviewsAreTheSameKindOfFile() async throws {
        let f = try await TrainingFixture(lisName: "Åse Ødegård-Bærum")
        try await f.bringInEveryone()
        let leder = try #require(f.tokens[.leder])
        let overview = try await Self.download(f, "/api/v1/tenants/\(f.tenant)/leder/overview?format=csv", leder)
        #expect(overview.status == .ok)
        #expect(overview.headers[.contentType] == "text/csv; charset=utf-8")
        #expect(overview.headers[.contentDisposition]?.hasPrefix("attachment; filename=\"mine LIS ") == true)
        let lines = try Self.lines(overview.bytes)
        #expect(
            lines == [
                "Navn;Program;Plan;Versjon;Læringsmål i alt;Godkjent;Sendt til leder;Under arbeid;Ikke startet;"
                    + "Fullført;Signerte aktiviteter;Veiledningssamtaler",
                "Åse Ødegård-Bærum;LIS1;LIS1 kommune (testkatalog);1;2;0;0;0;2;Nei;0;0",
            ])

        // The tenant's administrator (the signer named when the fixture opened the tenant) gets the same file.
        await f.app.services.mailer.deliverDue()
        let invitation = try #require(
            ReceivedMail.all(in: f.mailFolder).filter { $0.to.contains("rita-\(f.tenant)") }.compactMap(\.token).last)
        let rita = try await f.app.token(subject: "signer-1", pid: Fixtures.signerPID, name: "Rita Rådmann")
        let accepted = try await f.call(
            "/api/v1/me/administrator-invitations/accept", .post, rita,
            #"{"tenantId":"\#(f.tenant)","token":"\#(invitation)"}"#)
        #expect(accepted.status == .ok, "\(accepted.text)")
        let tenantOverview = try await Self.download(f, "/api/v1/tenants/\(f.tenant)/overview?format=csv", rita)
        #expect(tenantOverview.status == .ok)
        #expect(tenantOverview.headers[.contentType] == "text/csv; charset=utf-8")
        #expect(tenantOverview.headers[.contentDisposition]?.hasPrefix("attachment; filename=\"oversikt ") == true)
        #expect(try Self.lines(tenantOverview.bytes) == lines)
    }

    @Test(arguments: ["/progress?format=pdf", "/progress?format=CSV"])
    func aFormatTheReportDoesNotHaveIsRefusedNamingTheSupportedOnes(_ suffix: String) async throws {
        let f = try await TrainingFixture()
        let response = try await f.call(f.base + suffix, .get, f.lis)
        #expect(response.status == .badRequest)
        let problem = try #require(response.problem)
        #expect(problem.code == "request.invalid-parameter")
        #expect(problem.field == "format")
        #expect(problem.detail?.contains("json, csv, html") == true)
        #expect(problem.detail?.contains("JSON") == false)
        #expect(problem.message?.contains("json, csv, html") == true)
    }

    @Test func anOverviewAndAListRefuseAnUnknownValueTheSameWay() async throws {
        let f = try await TrainingFixture()
        let leder = try await f.call("/api/v1/tenants/\(f.tenant)/leder/overview?format=xlsx", .get, f.lis)
        #expect(leder.status == .badRequest)
        #expect(leder.problem?.field == "format")
        let support = try await f.app.supportToken()
        let tenants = try await f.call("/api/v1/support/tenants?kind=kommune&status=open", .get, support)
        #expect(tenants.status == .badRequest)
        #expect(tenants.problem?.code == "request.invalid-parameter")
        #expect(tenants.problem?.field == "status")
        #expect(try await f.call("/api/v1/support/tenants?kind=kommune", .get, support).status == .ok)
    }
}

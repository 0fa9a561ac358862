import Domain
import Foundation
import GRDB
import HTTPTypes
import HummingbirdTesting
import NIOCore
import Testing

@testable import API

/// Input that used to slip through or be mangled on its way in or out: control characters, lenient JSON,
/// UUIDs with trailing garbage, upload limits chosen by a path's suffix, file names, and missing headers.
@Suite struct RequestHardeningTests {
    private func count(_ fixture: TrainingFixture, _ sql: String) throws -> Int {
        let queue = try DatabaseQueue(path: fixture.app.services.directory.databasePath(for: fixture.tenant))
        defer { try? queue.close() }
        return try queue.read { try Int.fetchOne($0, sql: sql) ?? -1 }
    }

    @Test(arguments: [
        (#"{"planKey":"lis1-kommune","objectiveId":"DEL1-001","recommendation":0,"performedOn":"2026-11-02","note":"a\u0000b"}"#, "note"),
        (#"{"planKey":"lis1-kommune","objectiveId":"DEL1-001","recommendation":0,"performedOn":"2026-11-02","note":"a\u0007b"}"#, "note"),
        (#"{"planKey":"lis1-kommune","objectiveId":"DEL1-001","recommendation":0,"performedOn":"2026-11-02","note":"ok",}"#, nil),
        (#"{"planKey":"lis1-kommune","objectiveId":"DEL1-001","recommendation":0,"performedOn":"2026-11-02","note":"a","note":"b"}"#, "note"),
        (#"{"planKey":"lis1-kommune","alternative":{"type":"course","signer":"supervisor","documentation":"\u0000"},"performedOn":"2026-11-02"}"#, "alternative.documentation"),
    ])
    func aBadActivityBodyIsRefusedNamingTheFieldAndNothingIsWritten(_ body: String, _ field: String?) async throws {
        let fixture = try await TrainingFixture()
        try await fixture.bringInEveryone()
        let response = try await fixture.call(fixture.base + "/activities", .post, fixture.lis, body)
        #expect(response.status == .badRequest, "\(response.text)")
        #expect(response.problem?.field == field)
        // Not JSON at all (a trailing comma) is a malformed request; JSON with a bad value names the field.
        #expect(response.problem?.code == (field == nil ? "request.malformed" : "validation.failed"))
        #expect(try count(fixture, "SELECT COUNT(*) FROM learningActivity") == 0)
    }

    @Test func aNoteWithLineBreaksAndTabsIsStoredAsSent() async throws {
        let fixture = try await TrainingFixture()
        try await fixture.bringInEveryone()
        let response = try await fixture.call(
            fixture.base + "/activities", .post, fixture.lis,
            #"{"planKey":"lis1-kommune","objectiveId":"DEL1-001","recommendation":0,"performedOn":"2026-11-02","note":"linje 1\nlinje\t2 æøå"}"#)
        #expect(response.status == .created, "\(response.text)")
        #expect(response.body["note"] as? String == "linje 1\nlinje\t2 æøå")
    }

    @Test func controlCharactersInReasonsCommentsAndAddressesAreRefused() async throws {
        let fixture = try await TrainingFixture()
        try await fixture.bringInEveryone()
        let invite = try await fixture.call(
            fixture.base + "/invitations", .post, fixture.lis, #"{"role":"supervisor","email":"\u0000x@example.no"}"#)
        #expect(invite.problem?.field == "email")
        let angle = try await fixture.call(
            fixture.base + "/invitations", .post, fixture.lis, #"{"role":"supervisor","email":"<a@example.no>"}"#)
        #expect(angle.status == .badRequest)
        #expect(angle.problem?.field == "email")
        let support = try await fixture.app.supportToken()
        let access = try await fixture.call(
            "/api/v1/support/tenants/\(fixture.tenant)/support-access", .post, support,
            #"{"reason":"\u0000xxxxxxxxxx","minutes":10}"#)
        #expect(access.status == .badRequest)
        #expect(access.problem?.field == "reason")
        let reject = try await fixture.call(
            fixture.base + "/objectives/DEL1-001/reject", .post, fixture.tokens[.leder],
            #"{"planKey":"lis1-kommune","comment":"\u0000"}"#)
        #expect(reject.problem?.field == "comment")
        #expect(try count(fixture, "SELECT COUNT(*) FROM invitation WHERE email = '' OR email LIKE '%<%'") == 0)
        #expect(try count(fixture, "SELECT COUNT(*) FROM supportAccess") == 0)
    }

    @Test func aUUIDFollowedByANulByteIsNotTheUUID() async throws {
        let fixture = try await TrainingFixture()
        let response = try await fixture.call(
            "/api/v1/tenants/\(fixture.tenant)/trainees/\(fixture.traineeID)%00junk", .get, fixture.lis)
        #expect(response.status == .badRequest)
        #expect(response.problem?.field == "traineeId")
    }

    @Test func anAttachmentNameReachesTheBrowserAsRFC6266Says() async throws {
        let fixture = try await TrainingFixture()
        let bytes: [UInt8] = Array("%PDF-1.4\n%%EOF\n".utf8)
        let sha = try await fixture.app.test { client in
            try await client.execute(
                uri: fixture.base + "/attachments?filename=Kursbevis%20%C3%A6%C3%B8%C3%A5%25.pdf&mediaType=application/pdf",
                method: .post, headers: [.authorization: "Bearer \(fixture.lis)", .contentType: "application/octet-stream"],
                body: ByteBuffer(bytes: bytes)
            ) { jsonObject($0.data)["sha256"] as? String }
        }
        let disposition = try await fixture.app.test { client in
            try await client.execute(
                uri: fixture.base + "/attachments/\(try #require(sha))", method: .get, headers: .bearer(fixture.lis)
            ) { $0.headers[.contentDisposition] }
        }
        #expect(disposition == #"attachment; filename="Kursbevis ____.pdf"; filename*=UTF-8''Kursbevis%20%C3%A6%C3%B8%C3%A5%25.pdf"#)
    }

    @Test func anAttachmentIsTakenByItsContentNotByTheTypeItClaims() async throws {
        let fixture = try await TrainingFixture()
        let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + Array(repeating: 0, count: 32)
        let (refused, accepted) = try await fixture.app.test { client in
            let refused = try await client.execute(
                uri: fixture.base + "/attachments?filename=virus.pdf&mediaType=application/pdf", method: .post,
                headers: [.authorization: "Bearer \(fixture.lis)", .contentType: "application/octet-stream"],
                body: ByteBuffer(bytes: Array("MZ\u{90}\u{0}not a pdf".utf8))
            ) { ($0.status, jsonObject($0.data)["code"] as? String) }
            let accepted = try await client.execute(
                uri: fixture.base + "/attachments?filename=bilde.pdf&mediaType=application/pdf", method: .post,
                headers: [.authorization: "Bearer \(fixture.lis)", .contentType: "application/octet-stream"],
                body: ByteBuffer(bytes: png)
            ) { ($0.status, jsonObject($0.data)["mediaType"] as? String) }
            return (refused, accepted)
        }
        #expect(refused.0 == .badRequest)
        #expect(refused.1 == "attachment.type-not-allowed")
        #expect(accepted.0 == .created)
        #expect(accepted.1 == "image/png")
    }

    @Test func onlyTheUploadRoutesTakeLargeBodiesAndOnlyFromSomeoneKnown() async throws {
        let app = try TestApp(maxBodyBytes: 1024)
        let large = ByteBuffer(bytes: [UInt8](repeating: 0x41, count: 4096))
        let statuses = try await app.test { client in
            // A path that merely ends like an upload route gets the small limit.
            let lookalike = try await client.execute(
                uri: "/api/v1/tenants/kommune-0301/attachments", method: .post,
                headers: [.contentType: "application/octet-stream"], body: large) { $0.status }
            // The real upload route is not read for someone unknown.
            let anonymous = try await client.execute(
                uri: "/api/v1/tenants/kommune-0301/trainees/\(UUID().uuidString.lowercased())/attachments?filename=a&mediaType=b",
                method: .post, headers: [.contentType: "application/octet-stream"], body: large) { $0.status }
            return (lookalike, anonymous)
        }
        #expect(statuses.0 == .contentTooLarge)
        #expect(statuses.1 != .contentTooLarge)
        #expect(statuses.1.code >= 400)
    }

    @Test func everyResponseCarriesTheSecurityHeadersAndHTMLItsPolicy() async throws {
        let fixture = try await TrainingFixture()
        let (live, report, list) = try await fixture.app.test { client in
            let live = try await client.execute(uri: "/health/live", method: .get) { $0.headers }
            let report = try await client.execute(
                uri: fixture.base + "/progress?format=html", method: .get, headers: .bearer(fixture.lis)) { $0.headers }
            let list = try await client.execute(uri: "/avtaler", method: .get) { $0.headers }
            return (live, report, list)
        }
        for headers in [live, report, list] {
            #expect(headers[.xContentTypeOptions] == "nosniff")
            #expect(headers[HTTPField.Name("Referrer-Policy")!] == "same-origin")
        }
        #expect(live[.cacheControl] == "no-store")
        #expect(report[.cacheControl] == "no-store")
        #expect(report[.contentSecurityPolicy]?.contains("default-src 'self'") == true)
        #expect(report[.contentSecurityPolicy]?.contains("frame-ancestors 'none'") == true)
        #expect(report[.contentSecurityPolicy]?.contains("unsafe-inline'; img") == true)
        #expect(list[.contentSecurityPolicy] != nil)
        #expect(list[.cacheControl]?.contains("no-store") == false)
    }
}

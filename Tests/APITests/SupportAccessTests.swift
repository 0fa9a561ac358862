import Domain
import Foundation
import HTTPTypes
import HummingbirdTesting
import TestSupport
import Testing

@testable import API

@Suite struct SupportAccessTests {
    @Test func supportReadsTrainingDataOnlyUnderAReasonedTimeLimitedAccessThatTheLISSees() async throws {
        let fixture = try await InvitationFixture()
        let support = try await fixture.app.supportToken()
        let tenantPath = "/api/v1/support/tenants/\(fixture.tenant)"
        let recordPath = tenantPath + "/trainees/\(fixture.traineeID)"

        let before = try await fixture.app.test { client in
            try await client.execute(uri: recordPath, method: .get, headers: .bearer(support)) { ($0.status, $0.problem?.code) }
        }
        #expect(before.0 == .forbidden)
        #expect(before.1 == "support.access-required")

        let opened = try await fixture.app.test { client in
            try await client.execute(
                uri: tenantPath + "/support-access", method: .post, headers: .json(bearer: support),
                body: .json(#"{"reason":"Sak 4711: LIS ser ikke godkjente mål","minutes":30}"#)
            ) { $0.status }
        }
        #expect(opened == .created)
        let read = try await fixture.app.test { client in
            try await client.execute(uri: recordPath, method: .get, headers: .bearer(support)) { $0.status }
        }
        #expect(read == .ok)

        let log = try await fixture.accessLog()
        let entry = try #require(log.first)
        #expect(entry["role"] as? String == "support")
        #expect(entry["reason"] as? String == "Sak 4711: LIS ser ikke godkjente mål")

        // After the time runs out, access is closed again.
        fixture.app.clock.advance(by: 31 * 60)
        let later = try await fixture.app.supportToken()
        let expired = try await fixture.app.test { client in
            try await client.execute(uri: recordPath, method: .get, headers: .bearer(later)) { $0.status }
        }
        #expect(expired == .forbidden)
    }

    @Test(arguments: [
        (#"{"reason":"","minutes":30}"#, "reason"), (#"{"reason":"fordi","minutes":30}"#, "reason"),
        (#"{"reason":"Sak 4711: trenger tilgang","minutes":0}"#, "minutes"),
        (#"{"reason":"Sak 4711: trenger tilgang","minutes":600}"#, "minutes"),
        (#"{"minutes":30}"#, "reason"),
    ])
    func accessWithoutAUsableReasonOrLimitIsRefused(_ body: String, _ field: String) async throws {
        let fixture = try await InvitationFixture()
        let support = try await fixture.app.supportToken()
        let problem = try await fixture.app.test { client in
            try await client.execute(
                uri: "/api/v1/support/tenants/\(fixture.tenant)/support-access", method: .post,
                headers: .json(bearer: support), body: .json(body)
            ) { $0.problem }
        }
        #expect(problem?.status == 400)
        #expect(problem?.field == field)
        let open = try await fixture.app.services.tenantStore.withDatabase(fixture.tenant) { database in
            try database.openSupportAccess(for: try await fixture.app.services.verifier.verify(token: support).personKey, at: fixture.app.clock.now)
        }
        #expect(open == nil)
    }

    @Test func aLISCannotOpenSupportAccess() async throws {
        let fixture = try await InvitationFixture()
        let status = try await fixture.app.test { [fixture] client in
            try await client.execute(
                uri: "/api/v1/support/tenants/\(fixture.tenant)/support-access", method: .post,
                headers: .json(bearer: fixture.lis), body: .json(#"{"reason":"Sak 4711: nysgjerrig","minutes":30}"#)
            ) { $0.status }
        }
        #expect(status == .forbidden)
    }
}

import Domain
import Foundation
import GRDB
import HTTPTypes
import HummingbirdTesting
import NIOCore
import TestSupport
import Testing

@testable import API
@testable import Storage

/// A tenant whose database fails (full disk, corrupt or missing file) answers 503 with `Retry-After` and a
/// code of its own, the other tenants go on, and the readiness check names it.
@Suite struct StorageFailureTests {
    /// Two active kommuner, each with a LIS token.
    struct TwoTenants {
        let app: TestApp
        let oslo: TenantID
        let bergen: TenantID
        let lisOslo: String
        let lisBergen: String

        init() async throws {
            app = try TestApp()
            oslo = try await app.activate("kommune-0301")
            bergen = try await app.activate("kommune-4601")
            lisOslo = try await app.token(subject: "lis-a", pid: Fixtures.lisPID, name: "Anne i Oslo")
            lisBergen = try await app.token(subject: "lis-b", pid: Fixtures.otherPID, name: "Bjørn i Bergen")
        }

        /// Registers the token's person as a LIS (a write).
        func register(_ client: any TestClientProtocol, in tenant: TenantID, _ token: String) async throws
            -> TestResponse
        {
            try await client.execute(
                uri: "/api/v1/tenants/\(tenant)/trainees/me", method: .post, headers: .json(bearer: token),
                body: .json(#"{"programme":"lis1"}"#)) { $0 }
        }

        /// The LIS uploads a 64 KiB file: a write that needs new pages in the file.
        func upload(_ client: any TestClientProtocol, in tenant: TenantID, trainee: String, _ token: String)
            async throws -> TestResponse
        {
            var headers = HTTPFields.bearer(token)
            headers[.contentType] = "application/octet-stream"
            return try await client.execute(
                uri: "/api/v1/tenants/\(tenant)/trainees/\(trainee)/attachments?filename=kursbevis.pdf&mediaType=application/pdf",
                method: .post, headers: headers,
                body: ByteBuffer(bytes: Array("%PDF-1.4\n".utf8) + (0..<65_536).map { UInt8(truncatingIfNeeded: $0) })
            ) { $0 }
        }

        /// Makes the tenant's open connection see a full disk: SQLite may not grow the file past its current
        /// size (`max_page_count`, a setting of the connection), and refuses a write that needs more pages
        /// with `SQLITE_FULL`, as when the file system has no room left.
        func fillDisk(of tenant: TenantID) async throws {
            try await app.services.tenantStore.withDatabase(tenant) { database in
                try database.queue.writeWithoutTransaction { db in
                    let pages = try Int.fetchOne(db, sql: "PRAGMA page_count") ?? 0
                    try db.execute(sql: "PRAGMA max_page_count = \(pages)")
                }
            }
        }

        /// The readiness check's `status` and `degradedTenants`, as one line (`degraded: kommune-0301`).
        func readiness(_ client: any TestClientProtocol) async throws -> String {
            try await client.execute(uri: "/health/ready", method: .get) { response in
                #expect(response.status == .ok)
                let body = try response.json()
                let degraded = (body["degradedTenants"] as? [String])?.joined(separator: " ") ?? "(missing)"
                return "\(body["status"] as? String ?? "(missing)"): \(degraded)"
            }
        }
    }

    @Test func aCorruptTenantFileAnswers503WithRetryAfterWhileTheOtherTenantsWork() async throws {
        let t = try await TwoTenants()
        try FileDamage.overwriteHeader(of: t.app.services.directory.databasePath(for: t.oslo))
        try await t.app.test { client in
            let refused = try await t.register(client, in: t.oslo, t.lisOslo)
            #expect(refused.status == .serviceUnavailable)
            #expect(refused.problem?.code == "tenant.storage-unavailable")
            #expect(refused.problem?.message == TenantError.storageUnavailable(t.oslo).message)
            #expect(refused.headers[.retryAfter] == "30")

            #expect(try await t.register(client, in: t.bergen, t.lisBergen).status == .created)
            #expect(try await t.readiness(client) == "degraded: kommune-0301")
        }
    }

    @Test func aFullDiskAnswers503WithRetryAfterForThatTenantAloneAndTheNextWriteAfterItWorks() async throws {
        let t = try await TwoTenants()
        try await t.app.test { client in
            let trainee = try await t.register(client, in: t.oslo, t.lisOslo).json()["id"] as? String ?? ""
            try await t.fillDisk(of: t.oslo)

            let refused = try await t.upload(client, in: t.oslo, trainee: trainee, t.lisOslo)
            #expect(refused.status == .serviceUnavailable)
            #expect(refused.problem?.code == "tenant.storage-unavailable")
            #expect(refused.headers[.retryAfter] == "30")

            #expect(try await t.register(client, in: t.bergen, t.lisBergen).status == .created)
            #expect(try await t.readiness(client) == "degraded: kommune-0301")

            // Room again (the connection that saw the full disk is gone): the next upload is stored.
            #expect(try await t.upload(client, in: t.oslo, trainee: trainee, t.lisOslo).status == .created)
            #expect(try await t.readiness(client) == "ready: ")
        }
    }

    @Test func aTenantFolderRemovedUnderTheRunningServerIsRefusedInsteadOfWrittenIntoTheVoid() async throws {
        let t = try await TwoTenants()
        let secondLIS = try await t.app.token(subject: "lis-a2", pid: Fixtures.signerPID, name: "Arne i Oslo")
        try await t.app.test { client in
            #expect(try await t.register(client, in: t.oslo, t.lisOslo).status == .created)
            try FileManager.default.removeItem(at: t.app.services.directory.folder(for: t.oslo))
            t.app.clock.advance(by: 2)

            let refused = try await t.register(client, in: t.oslo, secondLIS)
            #expect(refused.status == .serviceUnavailable)
            #expect(refused.problem?.code == "tenant.storage-unavailable")
            #expect(refused.headers[.retryAfter] == "30")

            #expect(try await t.register(client, in: t.bergen, t.lisBergen).status == .created)
            #expect(try await t.readiness(client) == "degraded: kommune-0301")
        }
    }
}

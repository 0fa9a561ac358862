import Domain
import Foundation
import HTTPTypes
import HummingbirdTesting
import Storage
import TestSupport
import Testing

@testable import API

/// A tenant another process has put in maintenance (`TenantMaintenance`) is refused by the running server,
/// which lets go of its file; the other tenants keep working.
@Suite struct MaintenanceTests {
    func register(_ client: any TestClientProtocol, _ tenant: TenantID, _ token: String) async throws -> TestResponse {
        try await client.execute(
            uri: "/api/v1/tenants/\(tenant)/trainees/me", method: .post, headers: .json(bearer: token),
            body: .json(#"{"programme":"lis1"}"#)
        ) { $0 }
    }

    func waitUntil(_ condition: @Sendable () -> Bool) async throws {
        for _ in 0..<200 where !condition() { try await Task.sleep(for: .milliseconds(25)) }
    }

    @Test func aTenantInMaintenanceAnswers503WithRetryAfterAndItsPoolIsClosedWhileTheOthersWork() async throws {
        let app = try TestApp()
        let oslo = try await app.activate("kommune-0301")
        let bergen = try await app.activate("kommune-4601")
        let first = try await app.token(subject: "lis-1", pid: Fixtures.lisPID)
        let second = try await app.token(subject: "lis-2", pid: Fixtures.otherPID)
        let store = app.services.tenantStore
        let watcher = Task { await store.watchMaintenance() }
        defer { watcher.cancel() }
        let maintenance = TenantMaintenance(directory: app.services.directory)
        try await app.test { client in
            #expect(try await register(client, oslo, first).status == .created)
            #expect(store.isOpen(oslo))

            // Another process (`kp backup restore`, `kp migrate`) takes Oslo.
            try maintenance.begin(oslo, reason: "restore", replacesFile: true)
            try await waitUntil { store.tenantsInMaintenance.contains(oslo) }
            try await waitUntil { !store.isOpen(oslo) }
            #expect(!store.isOpen(oslo))

            let refused = try await register(client, oslo, second)
            #expect(refused.status == .serviceUnavailable)
            #expect(refused.problem?.code == "tenant.maintenance")
            #expect(refused.headers[.retryAfter] == "5")
            #expect(try await register(client, bergen, first).status == .created)

            maintenance.end(oslo)
            try await waitUntil { store.tenantsInMaintenance.isEmpty }
            #expect(try await register(client, oslo, second).status == .created)
        }
    }

    @Test func aSecondProcessCannotPutATenantInMaintenanceTwice() throws {
        let folder = try TemporaryFolder()
        let maintenance = TenantMaintenance(directory: TenantDirectory(root: folder.url))
        let oslo = Fixtures.tenantID("kommune-0301")
        try maintenance.begin(oslo, reason: "migration", replacesFile: false)
        #expect(throws: TenantError.maintenance(oslo)) {
            try maintenance.begin(oslo, reason: "restore", replacesFile: true)
        }
        #expect(maintenance.current()[oslo]?.reason == "migration")
        maintenance.end(oslo)
        #expect(maintenance.current().isEmpty)
    }
}

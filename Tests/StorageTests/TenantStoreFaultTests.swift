import Domain
import Foundation
import GRDB
import InMemoryLogging
import Logging
import TestSupport
import Testing

@testable import Storage

/// A tenant's file that fails (full, read-only, corrupt, gone) fails that tenant alone, says why in the log,
/// and does not stay broken once its cause is gone.
@Suite struct TenantStoreFaultTests {
    typealias StoreFixture = TenantStoreTests.StoreFixture

    @Test func aCorruptFileFailsThatTenantAloneAndTheLogHasTheTenantAndTheSQLiteCodes() async throws {
        let logs = InMemoryLogHandler()
        let fixture = try StoreFixture(count: 2, cap: 4, logger: Logger(label: "test") { _ in logs })
        let (store, ids) = (fixture.store, fixture.ids)
        try FileDamage.overwriteHeader(of: fixture.registry.directory.databasePath(for: ids[0]))

        await #expect(throws: TenantError.storageUnavailable(ids[0])) {
            try await store.withDatabase(ids[0]) { try $0.traineeCount() }
        }

        #expect(store.degradedTenants == [ids[0]])
        #expect(!store.isOpen(ids[0]))
        #expect(try await store.withDatabase(ids[1]) { try $0.traineeCount() } == 0, "the other tenant works")
        #expect(store.degradedTenants == [ids[0]])
        let entry = try #require(logs.entries.first { $0.message == "tenant storage failed" })
        #expect(entry.level == .error)
        #expect(entry.metadata["tenant"] == "\(ids[0])")
        #expect(entry.metadata["sqlite_code"] == "26")
        #expect(entry.metadata["sqlite_extended_code"] == "26")
        #expect(entry.metadata["fault"] == "corrupt")
        #expect(entry.metadata["during"] == "open")
        withExtendedLifetime(fixture) {}
    }

    @Test func aRefusalThatIsNotAboutTheFilePassesThroughUnchanged() async throws {
        let fixture = try StoreFixture(count: 1, cap: 2)
        let (store, id) = (fixture.store, fixture.ids[0])
        await #expect(throws: DatabaseError.self) {
            try await store.withDatabase(id) { database in
                try database.queue.write { db in try db.execute(sql: "INSERT INTO accessLog (id) VALUES (NULL)") }
            }
        }
        #expect(store.degradedTenants.isEmpty)
        withExtendedLifetime(fixture) {}
    }
}

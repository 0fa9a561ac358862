import Domain
import Foundation
import Logging
import TestSupport
import Testing

@testable import Storage

@Suite struct TenantStoreTests {
    /// A store with `count` tenant files `t-0 … t-(count-1)`; the folder lives as long as this value.
    struct StoreFixture {
        let registry: RegistryFixture
        let store: TenantStore
        let ids: [TenantID]

        init(
            count: Int, cap: Int, logger: Logger = Logger(label: "test"),
            now: @escaping @Sendable () -> Date = { Date() }
        ) throws {
            registry = try RegistryFixture()
            store = try TenantStore(directory: registry.directory, maximumOpen: cap, logger: logger, now: now)
            ids = (0..<count).map { Fixtures.tenantID("t-\($0)") }
            for id in ids { try store.createDatabaseFile(for: id) }
        }
    }

    @Test func aTenantConnectionKeepsAPageCacheOfEightMebibytes() async throws {
        let fixture = try StoreFixture(count: 1, cap: 1)
        let cache = try await fixture.store.withDatabase(fixture.ids[0]) { database in
            try database.queue.read { try Int.fetchOne($0, sql: "PRAGMA cache_size") }
        }
        #expect(cache == -8192)
    }

    @Test func openingMoreTenantsThanTheCapKeepsAtMostTheCapOpen() async throws {
        let fixture = try StoreFixture(count: 12, cap: 4)
        let (store, ids) = (fixture.store, fixture.ids)
        for id in ids {
            _ = try await store.withDatabase(id) { try $0.traineeCount() }
            #expect(store.openCount <= 4)
        }
        #expect(store.openCount == 4)
        // The most recently used are the ones kept.
        for id in ids.suffix(4) { #expect(store.isOpen(id)) }
        for id in ids.prefix(8) { #expect(!store.isOpen(id)) }
        withExtendedLifetime(fixture) {}
    }

    @Test func closingAllAtShutdownWaitsForPoolsInUseToBeReturned() async throws {
        let fixture = try StoreFixture(count: 2, cap: 4)
        let (store, ids) = (fixture.store, fixture.ids)
        _ = try await store.withDatabase(ids[0]) { try $0.traineeCount() }
        let held = try await store.acquire(ids[1])
        await store.closeAll()
        #expect(!store.isOpen(ids[0]), "an unused pool closes at once")
        #expect(store.isOpen(ids[1]), "a pool in use stays open for the request that holds it")
        #expect(try held.traineeCount() == 0)
        store.release(ids[1])
        #expect(!store.isOpen(ids[1]), "and closes when the request returns it")
        withExtendedLifetime(fixture) {}
    }

    @Test func aPoolInUseIsNeverClosedAndNewTenantsWaitForOne() async throws {
        let fixture = try StoreFixture(count: 3, cap: 2)
        let (store, ids) = (fixture.store, fixture.ids)
        // Hold leases on the first two tenants: the store is full and every pool is in use.
        let first = try await store.acquire(ids[0])
        let second = try await store.acquire(ids[1])
        let waiting = Task { try await store.withDatabase(ids[2]) { try $0.traineeCount() } }
        try await Task.sleep(for: .milliseconds(100))
        #expect(store.openCount == 2)
        #expect(store.isOpen(ids[0]))
        #expect(store.isOpen(ids[1]))
        #expect(!store.isOpen(ids[2]))
        // The held pools still work.
        #expect(try first.traineeCount() == 0)
        #expect(try second.traineeCount() == 0)
        // Releasing one lets the waiting request in, by closing the released pool, not the held one.
        store.release(ids[0])
        #expect(try await waiting.value == 0)
        #expect(store.isOpen(ids[1]))
        #expect(!store.isOpen(ids[0]))
        #expect(try second.traineeCount() == 0)
        store.release(ids[1])
        #expect(store.openCount == 2)
        #expect(store.leaseCount == 0)
        withExtendedLifetime(fixture) {}
    }

    @Test func manyConcurrentRequestsOverManyTenantsStayWithinTheCap() async throws {
        let fixture = try StoreFixture(count: 20, cap: 3)
        let (store, ids) = (fixture.store, fixture.ids)
        try await withThrowingTaskGroup(of: Int.self) { group in
            for round in 0..<200 {
                let id = ids[(round * 7) % ids.count]
                group.addTask { try await store.withDatabase(id) { try $0.traineeCount() } }
            }
            for try await count in group { #expect(count == 0) }
        }
        #expect(store.openCount <= 3)
        #expect(store.leaseCount == 0)
        withExtendedLifetime(fixture) {}
    }

    @Test func anUnprovisionedTenantIsNotCreatedByOpeningIt() async throws {
        let fixture = try StoreFixture(count: 0, cap: 2)
        let store = fixture.store
        let id = Fixtures.tenantID("ghost")
        await #expect(throws: TenantError.notProvisioned(id)) { try await store.withDatabase(id) { _ in } }
        #expect(!FileManager.default.fileExists(atPath: fixture.registry.directory.databasePath(for: id)))
        #expect(store.openCount == 0)
    }
}

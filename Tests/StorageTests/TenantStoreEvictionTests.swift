import Domain
import Foundation
import TestSupport
import Testing

@testable import Storage

/// Which pool closes for room when the cap is reached (`TenantStore+Eviction`).
@Suite struct TenantStoreEvictionTests {
    typealias StoreFixture = TenantStoreTests.StoreFixture

    private func use(_ store: TenantStore, _ id: TenantID, times: Int = 1) async throws {
        for _ in 0..<times { _ = try await store.withDatabase(id) { try $0.traineeCount() } }
    }

    @Test func aBusyTenantStaysOpenWhileManyOthersAreReadOnceEach() async throws {
        let fixture = try StoreFixture(count: 12, cap: 4)
        let (store, ids) = (fixture.store, fixture.ids)
        try await use(store, ids[0], times: 5)
        // Eleven tenants read once each, more than the cap: least recently used would have closed the busy one.
        for id in ids.dropFirst() { try await use(store, id) }
        #expect(store.isOpen(ids[0]))
        #expect(store.openCount == 4)
        // The others that stay are the most recent of the ones read once.
        for id in ids.suffix(3) { #expect(store.isOpen(id)) }
        for id in ids[1..<9] { #expect(!store.isOpen(id)) }
        withExtendedLifetime(fixture) {}
    }

    @Test func aTenantReadOnceThatComesBackSoonAfterItsPoolClosedGivesTenantsReadOnceMorePlaces() async throws {
        let fixture = try StoreFixture(count: 6, cap: 4)
        let (store, ids) = (fixture.store, fixture.ids)
        try await use(store, ids[0], times: 2)
        try await use(store, ids[1], times: 2)
        try await use(store, ids[2])
        try await use(store, ids[3])
        // Full: t-4 closes the oldest pool of the tenants read once (t-2), which the store remembers.
        try await use(store, ids[4])
        #expect(!store.isOpen(ids[2]))
        #expect(store.isOpen(ids[0]))
        // t-2 comes back: it opens among the busy ones, and tenants read once get one place for sure.
        try await use(store, ids[2])
        #expect(!store.isOpen(ids[3]))
        // So the next newcomer closes the oldest busy pool (t-0), not t-4, the one place of a tenant read once.
        try await use(store, ids[5])
        #expect(!store.isOpen(ids[0]))
        for id in [ids[1], ids[2], ids[4], ids[5]] { #expect(store.isOpen(id)) }
        withExtendedLifetime(fixture) {}
    }

    @Test func tenantsBusyBeforeGiveWayToTenantsBusyNow() async throws {
        let fixture = try StoreFixture(count: 8, cap: 4)
        let (store, ids) = (fixture.store, fixture.ids)
        for id in ids.prefix(4) { try await use(store, id, times: 3) }
        for id in ids.suffix(4) { try await use(store, id, times: 2) }
        for id in ids.prefix(4) { #expect(!store.isOpen(id)) }
        for id in ids.suffix(4) { #expect(store.isOpen(id)) }
        withExtendedLifetime(fixture) {}
    }

    @Test func theStoreRemembersAtMostTwiceTheCapOfClosedTenants() async throws {
        let fixture = try StoreFixture(count: 40, cap: 4)
        let (store, ids) = (fixture.store, fixture.ids)
        for round in 0..<3 {
            for (index, id) in ids.enumerated() { try await use(store, id, times: 1 + (index + round) % 3) }
            let remembered = store.rememberedCount
            #expect(remembered > 0)
            #expect(remembered <= 8)
        }
        withExtendedLifetime(fixture) {}
    }
}

import Domain
import Foundation
import GRDB
import Testing

@testable import Storage

/// `TenantStore.glance`: a read for a pass over every tenant, which must leave the pool as it found it.
@Suite struct TenantStoreGlanceTests {
    static func trainees(_ db: Database) throws -> Int { try Int.fetchOne(db, sql: "SELECT count(*) FROM trainee") ?? -1 }

    @Test("A glance reads a closed tenant's file without opening its pool or closing another's")
    func aGlanceLeavesThePoolAsItWas() async throws {
        let f = try await MigrationFixture(count: 3)
        let store = try TenantStore(directory: f.base.directory, maximumOpen: 1, logger: .init(label: "test"))
        try await store.withDatabase(f.tenants[0]) { _ in }
        for id in f.tenants {
            #expect(try await store.glance(id, Self.trainees) == 1)
        }
        // The only place was taken by the first tenant, and still is: nothing was evicted, nothing added.
        #expect(store.openCount == 1)
        #expect(store.isOpen(f.tenants[0]))
        #expect(!store.isOpen(f.tenants[1]) && !store.isOpen(f.tenants[2]))
        await store.closeAll()
    }

    @Test("A glance at a file on an older schema goes through the pool, which migrates the file first")
    func aGlanceAtAnOlderFileMigratesIt() async throws {
        let f = try await MigrationFixture(count: 1)
        let id = f.tenants[0]
        let newer = try TenantSchema.testing("review-note")
        let store = try TenantStore(directory: f.base.directory, maximumOpen: 4, logger: .init(label: "test"), schema: newer)
        #expect(try await store.glance(id, Self.trainees) == 1)
        await store.closeAll()
        #expect(try f.fileVersion(id) == newer.version)
        #expect(try f.traceCount(id) == 1)
    }

    @Test("A glance refuses a tenant in maintenance and a tenant without a file, as the pool does")
    func aGlanceRefusesWhatThePoolRefuses() async throws {
        let f = try await MigrationFixture(count: 2)
        let store = try TenantStore(directory: f.base.directory, maximumOpen: 4, logger: .init(label: "test"))
        let maintenance = TenantMaintenance(directory: f.base.directory)
        try maintenance.begin(f.tenants[0], reason: "test", replacesFile: false)
        await #expect(throws: TenantError.maintenance(f.tenants[0])) { try await store.glance(f.tenants[0], Self.trainees) }
        maintenance.end(f.tenants[0])
        #expect(try await store.glance(f.tenants[0], Self.trainees) == 1)
        try FileManager.default.removeItem(atPath: f.base.directory.databasePath(for: f.tenants[1]))
        await #expect(throws: TenantError.notProvisioned(f.tenants[1])) { try await store.glance(f.tenants[1], Self.trainees) }
        #expect(store.openCount == 0)
        await store.closeAll()
    }
}

import Domain
import Foundation
import GRDB
import TestSupport

@testable import Storage

/// Kommuner provisioned on this binary's schema, each with a LIS, and a migrator to that schema plus the
/// test migration (`review-note`, which appends a row to `migrationTrace` each time it runs).
struct MigrationFixture {
    let base: RegistryFixture
    let tenants: [TenantID]
    let migrator: TenantMigrator

    init(count: Int) async throws {
        base = try RegistryFixture()
        let store = try TenantStore(directory: base.directory, maximumOpen: 4, logger: .init(label: "test"))
        let provisioner = TenantProvisioner(registry: base.registry, store: store)
        tenants = try base.registry.tenants(kind: .kommune).prefix(count).map(\.id)
        for id in tenants {
            _ = try await provisioner.provision(id, actor: "t", at: Fixtures.now)
            _ = try await store.withDatabase(id) { database in
                try await database.registerTrainee(
                    principal: .fixture, programme: .lis1, email: nil, id: UUID(), at: Fixtures.now)
            }
        }
        await store.closeAll()
        migrator = TenantMigrator(
            registry: base.registry, directory: base.directory, schema: try .testing("review-note"), now: { Fixtures.now })
    }

    var registry: Registry { base.registry }

    func migrator(_ schema: TenantSchema) -> TenantMigrator {
        TenantMigrator(registry: base.registry, directory: base.directory, schema: schema, now: { Fixtures.now })
    }

    func read<T>(_ id: TenantID, _ body: (Database) throws -> T) throws -> T {
        let queue = try DatabaseQueue(path: base.directory.databasePath(for: id))
        defer { try? queue.close() }
        return try queue.read(body)
    }

    /// How often the test migration ran on this tenant's file.
    func traceCount(_ id: TenantID) throws -> Int {
        try read(id) { db in
            try db.tableExists("migrationTrace") ? try Int.fetchOne(db, sql: "SELECT count(*) FROM migrationTrace") ?? 0 : 0
        }
    }

    func fileVersion(_ id: TenantID) throws -> Int {
        try read(id) { db in try Int.fetchOne(db, sql: "PRAGMA user_version") ?? -1 }
    }

    /// Everything a migration could change: the version, the schema, the applied migrations and each table's rows.
    func fingerprint(_ id: TenantID) throws -> String {
        try read(id) { db in
            var lines = ["user_version \(try Int.fetchOne(db, sql: "PRAGMA user_version") ?? -1)"]
            let schema = try Row.fetchAll(db, sql: "SELECT type, name, sql FROM sqlite_master ORDER BY type, name")
            lines += schema.map { "\($0["type"] as String? ?? "") \($0["name"] as String? ?? "") \($0["sql"] as String? ?? "")" }
            for row in schema where (row["type"] as String?) == "table" {
                let name: String = row["name"]
                let count = try Int.fetchOne(db, sql: "SELECT count(*) FROM \"\(name)\"") ?? -1
                lines.append("rows \(name) \(count)")
            }
            lines += try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations ORDER BY identifier")
            return lines.joined(separator: "\n")
        }
    }

    func recorded() throws -> [TenantID: Int] {
        Dictionary(uniqueKeysWithValues: try registry.schemaStates().compactMap { state in state.version.map { (state.tenant, $0) } })
    }

    /// Adds by hand the column the test migration adds, so that it fails on this tenant.
    func breakMigration(of id: TenantID) throws {
        let queue = try DatabaseQueue(path: base.directory.databasePath(for: id))
        defer { try? queue.close() }
        try queue.write { db in try db.execute(sql: "ALTER TABLE learningActivity ADD COLUMN reviewNote TEXT") }
    }
}

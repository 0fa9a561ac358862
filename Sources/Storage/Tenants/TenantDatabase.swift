import Domain
import Foundation
import GRDB

/// One tenant's database file and the engine verbs that run against it.
///
/// Every verb is one transaction. Values come back as domain types; records never leave `Storage`.
package final class TenantDatabase: Sendable {
    package let tenantID: TenantID
    let pool: DatabasePool

    private init(tenantID: TenantID, pool: DatabasePool) {
        self.tenantID = tenantID
        self.pool = pool
    }

    /// Opens an existing tenant file, refusing one written by a newer binary and migrating an older one.
    static func open(id: TenantID, path: String) throws -> TenantDatabase {
        guard FileManager.default.fileExists(atPath: path) else { throw TenantError.notProvisioned(id) }
        let pool = try DatabaseSetup.openPool(at: path)
        do {
            let migrator = TenantMigrations.migrator
            if try pool.read({ db in try migrator.hasBeenSuperseded(db) }) { throw TenantError.schemaTooNew(id) }
            try migrator.migrate(pool)
        } catch {
            try? pool.close()
            throw error
        }
        return TenantDatabase(tenantID: id, pool: pool)
    }

    func close() throws { try pool.close() }
}

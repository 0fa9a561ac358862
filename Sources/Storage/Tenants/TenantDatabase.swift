import Domain
import Foundation
import GRDB

/// One tenant's database file and the engine verbs that run against it.
///
/// Every verb is one transaction. Values come back as domain types; records never leave `Storage`.
package final class TenantDatabase: Sendable {
    package let tenantID: TenantID
    let queue: DatabaseQueue

    private init(tenantID: TenantID, queue: DatabaseQueue) {
        self.tenantID = tenantID
        self.queue = queue
    }

    /// Opens an existing tenant file, refusing one written by a newer binary and migrating an older one.
    static func open(id: TenantID, path: String) throws -> TenantDatabase {
        guard FileManager.default.fileExists(atPath: path) else { throw TenantError.notProvisioned(id) }
        let queue = try DatabaseSetup.openTenantQueue(at: path)
        do {
            try TenantMigrations.prepare(queue, tenant: id)
        } catch {
            try? queue.close()
            throw error
        }
        return TenantDatabase(tenantID: id, queue: queue)
    }

    func close() throws { try queue.close() }
}

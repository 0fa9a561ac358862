import Foundation
import GRDB
import Domain

package enum OpenCostProbe {
    package static func run(directory: TenantDirectory, ids: [TenantID]) throws -> [String] {
        var out: [String] = []
        func time(_ name: String, _ body: (String) throws -> Void) rethrows {
            let start = ContinuousClock.now
            for id in ids { try body(directory.databasePath(for: id)) }
            let elapsed = ContinuousClock.now - start
            out.append("\(name): \(elapsed / ids.count) per tenant")
        }
        try time("pool open+close") { path in let p = try DatabaseSetup.openPool(at: path); try p.close() }
        try time("pool open+prepare+close") { path in let p = try DatabaseSetup.openPool(at: path); try TenantMigrations.prepare(p, tenant: ids[0]); try p.close() }
        try time("pool open+prepare+read+close") { path in let p = try DatabaseSetup.openPool(at: path); try TenantMigrations.prepare(p, tenant: ids[0]); _ = try p.unsafeRead { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM trainee") }; try p.close() }
        try time("queue open+prepare+read+close") { path in let q = try DatabaseQueue(path: path, configuration: DatabaseSetup.configuration()); try TenantMigrations.prepare(q, tenant: ids[0]); _ = try q.unsafeRead { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM trainee") }; try q.close() }
        try time("queue open+read (no close)") { path in let q = try DatabaseQueue(path: path, configuration: DatabaseSetup.configuration()); _ = try q.unsafeRead { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM trainee") }; try q.close() }
        return out
    }
}

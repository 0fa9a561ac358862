import Domain
import Foundation
import GRDB

/// People across tenants: one row per person, and the tenants they belong to.
extension Registry {
    /// Records that `person` belongs to `tenant` as `role` (idempotent), keeping their name current.
    package func recordMembership(of person: Principal, in tenant: TenantID, as role: Role, at now: Date) async throws {
        try await pool.write { db in
            try db.execute(
                sql: """
                    INSERT INTO person (personKey, name, hprNumber, createdAt, updatedAt) VALUES (?, ?, ?, ?, ?)
                    ON CONFLICT (personKey) DO UPDATE SET name = excluded.name,
                        hprNumber = COALESCE(excluded.hprNumber, hprNumber), updatedAt = excluded.updatedAt
                    """,
                arguments: [person.personKey.hex, person.name, person.hprNumber, now, now])
            try db.execute(
                sql: """
                    INSERT INTO membership (personKey, tenantId, role, since) VALUES (?, ?, ?, ?)
                    ON CONFLICT DO NOTHING
                    """,
                arguments: [person.personKey.hex, tenant.rawValue, role.rawValue, now])
        }
    }

    /// The tenants a person belongs to, with their roles in each, ordered by tenant id.
    package func memberships(of person: PersonKey) throws -> [(tenant: Tenant, roles: [Role])] {
        try pool.read { db in
            let rows = try Row.fetchAll(
                db, sql: "SELECT tenantId, role FROM membership WHERE personKey = ? ORDER BY tenantId, role",
                arguments: [person.hex])
            var result: [(tenant: Tenant, roles: [Role])] = []
            for row in rows {
                let tenantID: String = row["tenantId"]
                guard let role = Role(rawValue: row["role"]) else { continue }
                if let last = result.last, last.tenant.id.rawValue == tenantID {
                    result[result.count - 1].roles.append(role)
                } else if let tenant = try TenantRecord.fetchOne(db, key: tenantID)?.tenant() {
                    result.append((tenant, [role]))
                }
            }
            return result
        }
    }
}

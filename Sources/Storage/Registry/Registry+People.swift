import Domain
import Foundation
import GRDB

/// People across tenants: one row per person, and the tenants they belong to.
extension Registry {
    /// Records that `person` belongs to `tenant` as `role` (idempotent), keeping their name current.
    package func recordMembership(
        of person: Principal, in tenant: TenantID, as role: Role, email: String? = nil, at now: Date
    ) async throws {
        try await pool.write { db in
            try Self.addMembership(db, person: person, tenant: tenant, role: role, email: email, at: now)
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

extension Registry {
    /// Upserts the person (keeping their name current) and adds the membership, in the caller's transaction.
    static func addMembership(
        _ db: Database, person: Principal, tenant: TenantID, role: Role, email: String?, at now: Date
    ) throws {
        try db.execute(
            sql: """
                INSERT INTO person (personKey, name, hprNumber, email, createdAt, updatedAt) VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT (personKey) DO UPDATE SET name = excluded.name,
                    hprNumber = COALESCE(excluded.hprNumber, hprNumber), email = COALESCE(excluded.email, email),
                    updatedAt = excluded.updatedAt
                """,
            arguments: [person.personKey.hex, person.name, person.hprNumber, email, now, now])
        try db.execute(
            sql: "INSERT INTO membership (personKey, tenantId, role, since) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING",
            arguments: [person.personKey.hex, tenant.rawValue, role.rawValue, now])
    }

    /// What the registry knows of a person: name, HPR number, e-mail (nil when never seen).
    package func person(_ key: PersonKey) throws -> (name: String, hprNumber: String?, email: String?)? {
        try pool.read { db in
            try Row.fetchOne(db, sql: "SELECT name, hprNumber, email FROM person WHERE personKey = ?", arguments: [key.hex])
                .map { ($0["name"], $0["hprNumber"], $0["email"]) }
        }
    }
}

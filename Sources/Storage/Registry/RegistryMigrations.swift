import Domain
import Foundation
import GRDB

/// The registry's schema. A shipped migration is never edited: add a new one.
enum RegistryMigrations {
    static func migrator(kommuner: KommuneCatalog, now: Date) -> DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-tenant") { db in
            try db.create(table: "tenant") { t in
                t.primaryKey("id", .text)
                t.column("kind", .text).notNull()
                    .check(sql: "kind IN ('kommune', 'virksomhet')")
                t.column("organisationNumber", .text).unique()
                t.column("kommunenummer", .text).unique()
                t.column("name", .text).notNull()
                t.column("status", .text).notNull()
                    .check(sql: "status IN ('registered', 'agreementPending', 'active', 'suspended', 'terminated')")
                t.column("provisionedAt", .datetime)
                t.column("createdAt", .datetime).notNull()
                t.column("updatedAt", .datetime).notNull()
                t.check(sql: "kind = 'virksomhet' OR kommunenummer IS NOT NULL")
                t.check(sql: "kind = 'kommune' OR organisationNumber IS NOT NULL")
            }
            try db.create(index: "tenant_status", on: "tenant", columns: ["status"])
            // Every change of a tenant, append-only: who did what to which tenant, and when.
            try db.create(table: "tenantEvent") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("tenantId", .text).notNull().indexed()
                t.column("action", .text).notNull()
                t.column("fromStatus", .text)
                t.column("toStatus", .text)
                t.column("actor", .text).notNull()
                t.column("at", .datetime).notNull()
            }
            try db.makeAppendOnly("tenantEvent")
        }
        migrator.registerMigration("v2-seed-kommuner-2024") { db in
            for kommune in kommuner.all {
                let tenant = Tenant(
                    id: .kommune(kommune.number), kind: .kommune, organisationNumber: nil,
                    kommunenummer: kommune.number, name: kommune.name, status: .registered, provisionedAt: nil,
                    createdAt: now, updatedAt: now)
                try TenantRecord(tenant).insert(db)
            }
        }
        migrator.registerMigration("v3-person-membership") { db in
            // One person per HelseID identity across all tenants, keyed by the keyed hash of their pid.
            try db.create(table: "person") { t in
                t.primaryKey("personKey", .text)
                t.column("name", .text).notNull()
                t.column("hprNumber", .text)
                t.column("createdAt", .datetime).notNull()
                t.column("updatedAt", .datetime).notNull()
            }
            // Which tenants a person belongs to, and as what: the list a person sees after login.
            try db.create(table: "membership") { t in
                t.column("personKey", .text).notNull().references("person")
                t.column("tenantId", .text).notNull().references("tenant")
                t.column("role", .text).notNull()
                t.column("since", .datetime).notNull()
                t.primaryKey(["personKey", "tenantId", "role"])
            }
        }
        migrator.registerMigration("v4-login-and-sessions") { db in
            // Between the redirect to HelseID and the callback: keyed by the SHA-256 of `state`.
            try db.create(table: "loginAttempt") { t in
                t.primaryKey("stateHash", .text)
                t.column("nonce", .text).notNull()
                t.column("codeVerifier", .text).notNull()
                t.column("expiresAt", .datetime).notNull()
            }
            // API sessions after login, keyed by the SHA-256 of the session token (never the token).
            try db.create(table: "session") { t in
                t.primaryKey("tokenHash", .text)
                t.column("personKey", .text).notNull().indexed()
                t.column("issuer", .text).notNull()
                t.column("subject", .text).notNull()
                t.column("name", .text).notNull()
                t.column("hprNumber", .text)
                t.column("securityLevel", .integer).notNull()
                t.column("isSupport", .boolean).notNull()
                t.column("createdAt", .datetime).notNull()
                t.column("expiresAt", .datetime).notNull()
                t.column("revokedAt", .datetime)
            }
        }
        migrator.registerMigration("v5-person-email") { db in
            // The address the person gave when registering as a LIS, or was invited at.
            try db.alter(table: "person") { t in t.add(column: "email", .text) }
        }
        migrator.registerMigration("v6-audit-chain") { db in
            // Everything legal (tenant lifecycle, agreements, signatures), append-only, each entry carrying
            // the hash of the one before, so an edit anywhere breaks the chain (`kp audit verify`).
            try db.create(table: "audit") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("at", .datetime).notNull()
                t.column("actor", .text).notNull()
                t.column("action", .text).notNull()
                t.column("tenantId", .text)
                t.column("detail", .text).notNull()
                t.column("previousHash", .text).notNull()
                t.column("hash", .text).notNull().unique()
            }
            try db.makeAppendOnly("audit")
        }
        return migrator
    }
}

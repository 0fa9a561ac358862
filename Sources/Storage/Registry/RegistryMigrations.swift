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
                // Plain SQL with the columns of v1: a migration must not follow later changes of `TenantRecord`.
                try db.execute(
                    sql: """
                        INSERT INTO tenant (id, kind, organisationNumber, kommunenummer, name, status, provisionedAt, createdAt, updatedAt)
                        VALUES (?, 'kommune', NULL, ?, ?, 'registered', NULL, ?, ?)
                        """,
                    arguments: [tenant.id.rawValue, kommune.number.rawValue, tenant.name, now, now])
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
        migrator.registerMigration("v7-agreements") { db in
            try db.alter(table: "tenant") { t in t.add(column: "closesAt", .datetime) }
            // Every agreement signed for a tenant, kept for good: what was signed, by whom, and the seal.
            try db.create(table: "agreement") { t in
                t.primaryKey("id", .text)
                t.column("tenantId", .text).notNull().references("tenant").indexed()
                t.column("templateVersion", .text).notNull()
                t.column("templateHash", .text).notNull()
                t.column("fields", .text).notNull()
                t.column("document", .text).notNull()
                t.column("documentHash", .text).notNull()
                t.column("channel", .text).notNull().check(sql: "channel IN ('electronic', 'paper')")
                t.column("signerKey", .text)
                t.column("signerName", .text).notNull()
                t.column("signerHpr", .text)
                t.column("signerLevel", .integer)
                t.column("signedAt", .datetime).notNull()
                t.column("scanHash", .text)
                t.column("scanBytes", .integer)
                t.column("countersignerKey", .text)
                t.column("countersignerName", .text)
                t.column("countersignedAt", .datetime)
                t.column("state", .text).notNull()
                    .check(sql: "state IN ('awaitingCountersignature', 'inForce', 'superseded', 'terminated')")
                t.column("endedAt", .datetime)
                t.column("sealed", .text)
            }
            // At most one agreement per tenant awaits countersignature, and at most one is in force.
            try db.execute(
                sql: """
                    CREATE UNIQUE INDEX agreement_awaiting ON agreement(tenantId) WHERE state = 'awaitingCountersignature';
                    CREATE UNIQUE INDEX agreement_inForce ON agreement(tenantId) WHERE state = 'inForce';
                    """)
            try db.create(table: "registration") { t in
                t.primaryKey("id", .text)
                t.column("organisationNumber", .text).notNull()
                t.column("name", .text).notNull()
                t.column("contactEmail", .text).notNull()
                t.column("programmes", .text).notNull()
                t.column("registeredBy", .text).notNull()
                t.column("registeredByName", .text).notNull()
                t.column("createdAt", .datetime).notNull()
                t.column("state", .text).notNull().check(sql: "state IN ('pending', 'approved', 'rejected')")
                t.column("decidedBy", .text)
                t.column("decidedAt", .datetime)
                t.column("reason", .text)
                t.column("tenantId", .text)
            }
            try db.execute(
                sql: "CREATE UNIQUE INDEX registration_pending ON registration(organisationNumber) WHERE state = 'pending'")
            try db.create(table: "administratorInvitation") { t in
                t.primaryKey("id", .text)
                t.column("tenantId", .text).notNull().references("tenant").indexed()
                t.column("name", .text).notNull()
                t.column("email", .text).notNull()
                t.column("tokenHash", .text).notNull().unique()
                t.column("invitedBy", .text).notNull()
                t.column("createdAt", .datetime).notNull()
                t.column("expiresAt", .datetime).notNull()
                t.column("state", .text).notNull().check(sql: "state IN ('pending', 'accepted', 'revoked')")
                t.column("acceptedBy", .text)
                t.column("decidedAt", .datetime)
            }
            // Mail that belongs to no tenant's database (onboarding, registrations, agreement confirmations).
            try db.create(table: "outbox") { t in
                t.primaryKey("id", .text)
                t.column("recipient", .text).notNull()
                t.column("subject", .text).notNull()
                t.column("body", .text).notNull()
                t.column("createdAt", .datetime).notNull()
                t.column("attempts", .integer).notNull().defaults(to: 0)
                t.column("nextAttemptAt", .datetime).notNull()
                t.column("sentAt", .datetime)
                t.column("lastError", .text)
            }
            try db.create(index: "outbox_due", on: "outbox", columns: ["sentAt", "nextAttemptAt"])
            // Sealed statements (data returned, data deleted), kept for good.
            try db.create(table: "statement") { t in
                t.primaryKey("id", .text)
                t.column("tenantId", .text).notNull().references("tenant").indexed()
                t.column("kind", .text).notNull()
                t.column("at", .datetime).notNull()
                t.column("sealed", .text).notNull()
            }
            try db.makeAppendOnly("statement")
            // Exports made for a returning controller, and when they were removed again.
            try db.create(table: "dataExport") { t in
                t.primaryKey("id", .text)
                t.column("tenantId", .text).notNull().references("tenant").indexed()
                t.column("createdAt", .datetime).notNull()
                t.column("folder", .text).notNull()
                t.column("databaseSha256", .text).notNull()
                t.column("jsonSha256", .text).notNull()
                t.column("removedAt", .datetime)
            }
        }
        migrator.registerMigration("v8-catalog") { db in
            // Education plans, global to all tenants. A key and version, once stored, never changes: `content`
            // is the plan's canonical catalog JSON and `sha256` its hash; a correction is a new version.
            try db.create(table: "catalogPlan") { t in
                t.column("key", .text).notNull()
                t.column("version", .integer).notNull().check { $0 > 0 }
                t.column("name", .text).notNull()
                t.column("programmes", .text).notNull()
                t.column("effectiveFrom", .text).notNull()
                t.column("isSample", .boolean).notNull()
                t.column("objectiveCount", .integer).notNull()
                t.column("content", .text).notNull()
                t.column("sha256", .text).notNull()
                t.column("importedAt", .datetime).notNull()
                t.column("importedBy", .text).notNull()
                t.primaryKey(["key", "version"])
            }
            try db.execute(
                sql: """
                    CREATE TRIGGER catalogPlan_noUpdate BEFORE UPDATE ON catalogPlan
                    BEGIN SELECT RAISE(ABORT, 'a stored plan version never changes'); END;
                    """)
        }
        migrator.registerMigration("v9-tenant-legal-name") { db in
            // A kommune's legal name ("Oslo kommune"), recorded by support when naming the signer; the
            // agreement names the party by it.
            try db.alter(table: "tenant") { t in t.add(column: "legalName", .text) }
        }
        migrator.registerMigration("v10-login-browser-binding") { db in
            // A login started by a browser page is bound to that browser: the SHA-256 of a secret kept in a
            // short-lived cookie. The callback must bring the same secret, so a code cannot be finished in
            // another browser (login CSRF). NULL for API clients' logins, which have no cookie.
            try db.alter(table: "loginAttempt") { t in t.add(column: "browserBindingHash", .text) }
        }
        migrator.registerMigration("v11-tenant-event-reason") { db in
            // Why support suspended, resumed or terminated a tenant, shown with the event in the console
            // (also in the audit entry's detail, where the hash chain covers it).
            try db.alter(table: "tenantEvent") { t in t.add(column: "reason", .text) }
        }
        migrator.registerMigration("v12-notice-opt-outs") { db in
            // The kinds of e-mail notice a person has turned off; every notice is on unless listed here.
            try db.create(table: "noticeOptOut") { t in
                t.column("personKey", .text).notNull()
                t.column("kind", .text).notNull()
                t.primaryKey(["personKey", "kind"])
            }
        }
        migrator.registerMigration("v13-tenant-schema") { db in
            // The schema version of each provisioned tenant's file, recorded when it is provisioned and each
            // time it is migrated: the server's start counts the tenants behind with one query instead of
            // opening thousands of files, and `kp migrate` resumes from it. No row: not known yet (files from
            // before this table; the start reads those files once).
            try db.create(table: "tenantSchema") { t in
                t.primaryKey("tenantId", .text).references("tenant")
                t.column("version", .integer).notNull()
                t.column("recordedAt", .datetime).notNull()
            }
        }
        return migrator
    }
}

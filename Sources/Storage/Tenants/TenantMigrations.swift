import Domain
import GRDB

/// The schema of every tenant database. A shipped migration is never edited: add a new one at the end.
///
/// `version` (the number of migrations) is also written to `PRAGMA user_version`, so opening a file
/// checks its schema with one pragma instead of reading the migrations table.
package enum TenantMigrations {
    private static let migrations: [(identifier: String, migrate: @Sendable (Database) throws -> Void)] = [
        (
            "v1-trainee",
            { db in
                try db.create(table: "trainee") { t in
                    t.primaryKey("id", .text)
                    t.column("personKey", .text).notNull().unique()
                    t.column("name", .text).notNull()
                    t.column("hprNumber", .text)
                    t.column("programme", .text).notNull()
                    t.column("email", .text)
                    t.column("registeredAt", .datetime).notNull()
                }
            }
        ),
        (
            "v2-roles-and-access-log",
            { db in
                try db.create(table: "roleAssignment") { t in
                    t.primaryKey("id", .text)
                    t.column("traineeId", .text).notNull().references("trainee", onDelete: .cascade)
                    t.column("personKey", .text).notNull()
                    t.column("personName", .text).notNull()
                    t.column("role", .text).notNull()
                        .check(sql: "role IN ('leder', 'veileder', 'supervisor')")
                    t.column("grantedAt", .datetime).notNull()
                    t.column("grantedBy", .text).notNull()
                    t.column("revokedAt", .datetime)
                }
                try db.execute(
                    sql: """
                        CREATE UNIQUE INDEX roleAssignment_oneHolder ON roleAssignment (traineeId, role)
                            WHERE revokedAt IS NULL AND role IN ('leder', 'veileder');
                        CREATE UNIQUE INDEX roleAssignment_oncePerPerson ON roleAssignment (traineeId, personKey, role)
                            WHERE revokedAt IS NULL;
                        CREATE INDEX roleAssignment_person ON roleAssignment (personKey, traineeId);
                        """)
                // Append-only (Normen): who, in which role, did what, to which object, when, and why.
                try db.create(table: "accessLog") { t in
                    t.autoIncrementedPrimaryKey("id")
                    t.column("traineeId", .text).notNull().indexed()
                    t.column("actorKey", .text).notNull()
                    t.column("actorName", .text).notNull()
                    t.column("role", .text).notNull()
                    t.column("operation", .text).notNull()
                    t.column("object", .text).notNull()
                    t.column("reason", .text)
                    t.column("at", .datetime).notNull()
                }
                try db.makeAppendOnly("accessLog")
            }
        ),
        (
            "v3-invitations-and-outbox",
            { db in
                try db.create(table: "invitation") { t in
                    t.primaryKey("id", .text)
                    t.column("traineeId", .text).notNull().references("trainee", onDelete: .cascade).indexed()
                    t.column("role", .text).notNull()
                    t.column("email", .text).notNull()
                    t.column("tokenHash", .text).notNull().unique()
                    t.column("invitedBy", .text).notNull()
                    t.column("replacesHolder", .boolean).notNull()
                    t.column("createdAt", .datetime).notNull()
                    t.column("expiresAt", .datetime).notNull()
                    t.column("state", .text).notNull().check(sql: "state IN ('pending', 'accepted', 'revoked')")
                    t.column("decidedAt", .datetime)
                    t.column("acceptedBy", .text)
                }
                // Mail is written in the same transaction as what it announces; a worker delivers it.
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
            }
        ),
        (
            "v4-support-access",
            { db in
                // Each time support opened the tenant's training data, why, and until when. Append-only.
                try db.create(table: "supportAccess") { t in
                    t.primaryKey("id", .text)
                    t.column("supportKey", .text).notNull()
                    t.column("supportName", .text).notNull()
                    t.column("reason", .text).notNull()
                    t.column("grantedAt", .datetime).notNull()
                    t.column("expiresAt", .datetime).notNull()
                }
                try db.makeAppendOnly("supportAccess")
            }
        ),
    ]

    package static var version: Int { migrations.count }

    package static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        for migration in migrations {
            migrator.registerMigration(migration.identifier, migrate: migration.migrate)
        }
        return migrator
    }

    /// Brings a file to this binary's schema, or refuses one that is newer.
    static func prepare(_ writer: some DatabaseWriter, tenant: TenantID) throws {
        let fileVersion = try writer.writeWithoutTransaction { db in try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0 }
        if fileVersion == version { return }
        if fileVersion > version { throw TenantError.schemaTooNew(tenant) }
        if try writer.read({ db in try migrator.hasBeenSuperseded(db) }) { throw TenantError.schemaTooNew(tenant) }
        try migrator.migrate(writer)
        try writer.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA user_version = \(version)")
            try db.execute(sql: "PRAGMA journal_mode = WAL")
        }
    }
}

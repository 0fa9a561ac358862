import Domain
import GRDB

/// The migrations a tenant file is brought to: this binary's (`TenantMigrations.all`), or those and one
/// test-only migration that the tests and the migration benchmark switch on (`TenantSchema.testing`).
///
/// A file is brought to the schema in one transaction, whatever the number of pending migrations: a failure
/// in any of them leaves the file as it was, never half migrated (GRDB's own migrator commits each migration
/// on its own). The applied identifiers go to GRDB's `grdb_migrations` table as GRDB records them, so
/// `hasBeenSuperseded` and `hasCompletedMigrations` keep working, and the version to `PRAGMA user_version`
/// in the same transaction.
package struct TenantSchema: Sendable {
    package let migrations: [TenantMigrations.Migration]

    package init(migrations: [TenantMigrations.Migration]) {
        self.migrations = migrations
    }

    /// This binary's schema.
    package static let current = TenantSchema(migrations: TenantMigrations.all)

    /// The number of migrations, written to each file's `PRAGMA user_version`.
    package var version: Int { migrations.count }

    package var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        for migration in migrations {
            migrator.registerMigration(migration.identifier, migrate: migration.migrate)
        }
        return migrator
    }

    /// What bringing one file to the schema did.
    package enum Outcome: Sendable, Equatable {
        /// The file was on the schema already; nothing was written.
        case current
        /// The file was on `from` and is now on the schema.
        case migrated(from: Int)
    }

    /// The file's schema version, from one pragma (committed data in the WAL included).
    package static func fileVersion(_ reader: some DatabaseReader) throws -> Int {
        try reader.unsafeReentrantRead { db in try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0 }
    }

    /// Brings a file to this schema, or refuses one that is newer (`TenantError.schemaTooNew`).
    ///
    /// The version is read again inside the write transaction, so two processes that both find a file behind
    /// (a server opening it lazily, `kp migrate`) never both migrate it: the second finds it current.
    package func migrate(_ writer: some DatabaseWriter, tenant: TenantID) throws -> Outcome {
        if try Self.fileVersion(writer) == version { return .current }
        return try writer.writeWithoutTransaction { db in
            // As SQLite's guide to schema changes asks (and GRDB does): foreign keys off around the transaction,
            // `foreign_key_check` before it commits. The pragma cannot change inside a transaction.
            try db.execute(sql: "PRAGMA foreign_keys = OFF")
            var outcome = Outcome.current
            do {
                try db.inTransaction(.immediate) {
                    outcome = try migrateLocked(db, tenant: tenant)
                    return .commit
                }
            } catch {
                try? db.execute(sql: "PRAGMA foreign_keys = ON")
                throw error
            }
            try db.execute(sql: "PRAGMA foreign_keys = ON")
            // Files from before WAL was the template's mode are switched once (a no-op on the others).
            if outcome != .current { try db.execute(sql: "PRAGMA journal_mode = WAL") }
            return outcome
        }
    }

    private func migrateLocked(_ db: Database, tenant: TenantID) throws -> Outcome {
        let fileVersion = try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0
        if fileVersion == version { return .current }
        if fileVersion > version { throw TenantError.schemaTooNew(tenant) }
        let applied = try migrator.appliedIdentifiers(db)
        guard applied.isSubset(of: Set(migrations.map(\.identifier))) else { throw TenantError.schemaTooNew(tenant) }
        try db.execute(sql: "CREATE TABLE IF NOT EXISTS grdb_migrations (identifier TEXT NOT NULL PRIMARY KEY)")
        for migration in migrations where !applied.contains(migration.identifier) {
            try migration.migrate(db)
            try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES (?)", arguments: [migration.identifier])
        }
        try db.checkForeignKeys()
        try db.execute(sql: "PRAGMA user_version = \(version)")
        return .migrated(from: fileVersion)
    }
}

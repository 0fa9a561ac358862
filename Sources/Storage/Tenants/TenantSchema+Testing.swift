import Domain
import GRDB

extension TenantSchema {
    /// This binary's schema and one more migration that only tests and the migration benchmark switch on
    /// (`KP_TEST_TENANT_MIGRATION`), never a schema change of the product: a file migrated with it is newer
    /// than the product's schema, and a binary without the switch refuses it as `tenant.schema-too-new`.
    package static func testing(_ name: String) throws -> TenantSchema {
        guard let migration = testMigrations[name] else { throw MigrationError.unknownTestMigration(name, known: testMigrationNames) }
        return TenantSchema(migrations: TenantMigrations.all + [migration])
    }

    package static var testMigrationNames: [String] { testMigrations.keys.sorted() }

    /// `review-note`: a column and an index on the largest table, the shape of an ordinary schema change, and
    /// a row in `migrationTrace` each time it runs, so a test can count how often a file was migrated.
    private static let testMigrations: [String: TenantMigrations.Migration] = [
        "review-note": (
            "test-review-note",
            { db in try db.execute(sql: reviewNoteSQL) }
        )
    ]

    /// The test migration's SQL, also what the benchmark's `sqlite3` loop applies.
    package static let reviewNoteSQL = """
        CREATE TABLE IF NOT EXISTS migrationTrace (id INTEGER PRIMARY KEY, identifier TEXT NOT NULL);
        INSERT INTO migrationTrace (identifier) VALUES ('test-review-note');
        ALTER TABLE learningActivity ADD COLUMN reviewNote TEXT;
        CREATE INDEX learningActivity_reviewNote ON learningActivity (reviewNote);
        """
}

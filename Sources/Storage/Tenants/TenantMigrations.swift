import GRDB

/// The schema of every tenant database. A shipped migration is never edited: add a new one.
package enum TenantMigrations {
    package static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-trainee") { db in
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
        return migrator
    }
}

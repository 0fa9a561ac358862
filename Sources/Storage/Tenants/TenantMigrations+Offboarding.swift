import GRDB

extension TenantMigrations {
    /// What the end of an agreement needs in the tenant's file.
    static let offboarding: [Migration] = [
        (
            "v7-record-downloads",
            { db in
                // Each time a LIS takes their own sealed approved-objectives record, so that the deletion step
                // can say how many have not taken theirs since the termination.
                try db.create(table: "recordDownload") { t in
                    t.column("traineeId", .text).notNull().references("trainee", onDelete: .cascade)
                    t.column("at", .datetime).notNull()
                }
                try db.create(index: "recordDownload_trainee_at", on: "recordDownload", columns: ["traineeId", "at"])
            }
        )
    ]
}

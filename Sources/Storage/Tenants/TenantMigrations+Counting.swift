import GRDB

extension TenantMigrations {
    /// Indexes that let the overviews (`ProgressTally`) and the progress report count without reading rows.
    static let counting: [Migration] = [
        (
            "v8-progress-count-indexes",
            { db in
                // A progress or activity row carries its history (JSON, often longer than a page); counting
                // fifty LIS's rows by state read every one of them. These indexes hold every column the counts
                // group and test, so the counts are answered from the indexes alone.
                try db.create(
                    index: "objectiveProgress_counts", on: "objectiveProgress",
                    columns: ["traineeId", "planKey", "planVersion", "state", "objectiveId"])
                try db.create(
                    index: "learningActivity_counts", on: "learningActivity",
                    columns: ["traineeId", "planKey", "planVersion", "objectiveId", "state"])
            }
        )
    ]
}

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
        ),
        (
            "v9-progress-lookup-index",
            { db in
                // The overview asks, for each of a leder's ~4,000 activities, whether its objective has a
                // progress state. With `state` before `objectiveId`, that lookup went through the unique index
                // and then read the row (with its history) for the state: half the overview's SQL time. This
                // order answers the lookup and the counts by state from the index alone.
                try db.create(
                    index: "objectiveProgress_tally", on: "objectiveProgress",
                    columns: ["traineeId", "planKey", "planVersion", "objectiveId", "state"])
                try db.drop(index: "objectiveProgress_counts")
                // `learningActivity_counts` begins with `traineeId`, so this one only cost every insert a write.
                try db.drop(index: "learningActivity_on_traineeId")
            }
        ),
    ]
}

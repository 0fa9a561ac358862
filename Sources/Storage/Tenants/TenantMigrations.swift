import Domain
import GRDB

/// The schema of every tenant database. A shipped migration is never edited: add a new one at the end.
///
/// `version` (the number of migrations) is also written to `PRAGMA user_version`, so opening a file
/// checks its schema with one pragma instead of reading the migrations table. Files are brought to a schema
/// by `TenantSchema` (all pending migrations in one transaction).
package enum TenantMigrations {
    package typealias Migration = (identifier: String, migrate: @Sendable (Database) throws -> Void)

    /// Every migration in order: the first ones here, the later ones by topic in `TenantMigrations+…` files.
    package static let all: [Migration] = foundation + offboarding + counting

    private static let foundation: [Migration] = [
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
        (
            "v5-training",
            { db in
                // The plan versions assigned here, copied from the catalog on first assignment: the file and its
                // export are self-contained, and a later catalog version never changes what a LIS works on.
                try db.create(table: "plan") { t in
                    t.column("key", .text).notNull()
                    t.column("version", .integer).notNull()
                    t.column("content", .text).notNull()
                    t.column("sha256", .text).notNull()
                    t.primaryKey(["key", "version"])
                }
                try db.execute(
                    sql: """
                        CREATE TRIGGER plan_noUpdate BEFORE UPDATE ON plan
                        BEGIN SELECT RAISE(ABORT, 'a plan version never changes'); END;
                        """)
                // Evidence tables reference the LIS without cascading: a LIS with training data is never
                // deleted as a side effect.
                try db.create(table: "planAssignment") { t in
                    t.primaryKey("id", .text)
                    t.column("traineeId", .text).notNull().references("trainee").indexed()
                    t.column("planKey", .text).notNull()
                    t.column("planVersion", .integer).notNull()
                    t.column("state", .text).notNull().check(sql: "state IN ('assigned', 'started', 'archived')")
                    // 'automatic' or the assigning leder's person key.
                    t.column("assignedBy", .text).notNull()
                    t.column("assignedAt", .datetime).notNull()
                    t.column("startedAt", .datetime)
                    t.column("archivedAt", .datetime)
                    t.foreignKey(["planKey", "planVersion"], references: "plan", columns: ["key", "version"])
                }
                try db.execute(
                    sql: """
                        CREATE UNIQUE INDEX planAssignment_live ON planAssignment (traineeId, planKey)
                            WHERE state <> 'archived'
                        """)
                try db.create(table: "learningActivity") { t in
                    t.primaryKey("id", .text)
                    t.column("traineeId", .text).notNull().references("trainee").indexed()
                    t.column("planKey", .text).notNull()
                    t.column("planVersion", .integer).notNull()
                    t.column("objectiveId", .text)
                    t.column("kind", .text).notNull().check(sql: "kind IN ('recommended', 'alternative')")
                    t.column("recommendation", .integer)
                    t.column("documentation", .text)
                    t.column("type", .text).notNull()
                    t.column("signer", .text).notNull().check(sql: "signer IN ('supervisor', 'veileder')")
                    t.column("performedOn", .text).notNull()
                    t.column("note", .text).notNull()
                    t.column("attachment", .text)
                    t.column("state", .text).notNull()
                        .check(sql: "state IN ('draft', 'submitted', 'approved', 'rejected')")
                    t.column("submittedTo", .text)
                    t.column("submittedRole", .text)
                    t.column("decidedBy", .text)
                    t.column("decidedAt", .datetime)
                    t.column("comment", .text)
                    // Every step, appended only (JSON array): decisions are evidence.
                    t.column("history", .text).notNull()
                    t.column("createdAt", .datetime).notNull()
                    t.column("updatedAt", .datetime).notNull()
                    t.foreignKey(["planKey", "planVersion"], references: "plan", columns: ["key", "version"])
                }
                try db.execute(
                    sql: """
                        CREATE INDEX learningActivity_awaiting ON learningActivity (submittedTo)
                            WHERE state = 'submitted'
                        """)
                // No reference to `plan`: an approval imported from another tenant may be for a plan version
                // this tenant never assigned.
                try db.create(table: "objectiveProgress") { t in
                    t.primaryKey("id", .text)
                    t.column("traineeId", .text).notNull().references("trainee")
                    t.column("planKey", .text).notNull()
                    t.column("planVersion", .integer).notNull()
                    t.column("objectiveId", .text).notNull()
                    t.column("state", .text).notNull()
                        .check(sql: "state IN ('notStarted', 'inProgress', 'submitted', 'approved', 'rejected')")
                    // The rejection comment while rejected.
                    t.column("comment", .text)
                    // The approval, while approved: by the leder here (approvedBy, consulted…) or imported from
                    // another tenant's sealed record (imported…).
                    t.column("approvedAt", .datetime)
                    t.column("approvedBy", .text)
                    t.column("consultedVeileder", .text)
                    t.column("consultedSupervisors", .text)
                    t.column("importedFrom", .text)
                    t.column("importedOrganisationNumber", .text)
                    t.column("importedApprovers", .text)
                    t.column("history", .text).notNull()
                    t.column("updatedAt", .datetime).notNull()
                    t.uniqueKey(["traineeId", "planKey", "planVersion", "objectiveId"])
                    t.check(sql: "(state = 'approved') = (approvedAt IS NOT NULL)")
                    t.check(sql: "approvedAt IS NULL OR (approvedBy IS NULL) <> (importedFrom IS NULL)")
                }
                try db.create(table: "supervisionTalk") { t in
                    t.primaryKey("id", .text)
                    t.column("traineeId", .text).notNull().references("trainee").indexed()
                    t.column("veileder", .text).notNull()
                    t.column("date", .text).notNull()
                    t.column("topic", .text).notNull()
                    t.column("preparation", .text)
                    t.column("minutes", .text)
                    t.column("state", .text).notNull()
                        .check(sql: "state IN ('planned', 'prepared', 'minutesWritten', 'finalised')")
                    t.column("lastWrittenBy", .text)
                    t.column("finalisedBy", .text)
                    t.column("finalisedAt", .datetime)
                    t.column("createdAt", .datetime).notNull()
                    t.column("updatedAt", .datetime).notNull()
                }
                // A finalised talk is the record of what was said.
                try db.execute(
                    sql: """
                        CREATE TRIGGER supervisionTalk_finalised BEFORE UPDATE ON supervisionTalk
                        WHEN OLD.state = 'finalised'
                        BEGIN SELECT RAISE(ABORT, 'a finalised talk never changes'); END;
                        """)
            }
        ),
        (
            "v6-attachments",
            { db in
                // Files attached to activities, kept in the tenant's own file so a return or a deletion
                // covers them; addressed by their SHA-256, so an activity names exactly the bytes it had.
                try db.create(table: "attachment") { t in
                    t.column("traineeId", .text).notNull().references("trainee")
                    t.column("sha256", .text).notNull()
                    t.column("filename", .text).notNull()
                    t.column("mediaType", .text).notNull()
                    t.column("size", .integer).notNull()
                    t.column("bytes", .blob).notNull()
                    t.column("uploadedAt", .datetime).notNull()
                    t.primaryKey(["traineeId", "sha256"])
                }
            }
        ),
    ]

    /// This binary's schema version.
    package static var version: Int { all.count }

    /// This binary's migrations for GRDB's checks (`hasCompletedMigrations`, `hasBeenSuperseded`).
    package static var migrator: DatabaseMigrator { TenantSchema.current.migrator }
}

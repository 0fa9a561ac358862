import Domain
import Foundation
import GRDB

/// Progress: the report of one LIS, the leder's and the tenant's overviews, and the record of approved
/// objectives that follows the LIS to the next employer. Each is one transaction that reads with a query per
/// table (the overviews count in SQL: `ProgressTally`) and writes the access-log lines for reads by anyone but
/// the LIS.
///
/// They run in `write` only so that the log line is in the same transaction as the read; a deferred
/// transaction that writes nothing (the LIS reading their own report) commits as a read.
extension TenantDatabase {
    /// The progress report (*fremdriftsrapport*) of one LIS, for the LIS, the leder or the veileder.
    package func progressReport(traineeID: UUID, caller: Principal, at now: Date) async throws -> ProgressReport {
        try await progressReportAndTrainee(traineeID: traineeID, caller: caller, at: now).report
    }

    /// The progress report and the LIS it is about, from the one transaction that checks and logs the read.
    package func progressReportAndTrainee(traineeID: UUID, caller: Principal, at now: Date) async throws
        -> (report: ProgressReport, trainee: Trainee)
    {
        try await write { db in
            let access = try TrainingAccess.check(db, traineeID: traineeID, actor: caller, .readProgressReport)
            let report = try ProgressInputs.report(db, traineeID: traineeID)
            try access.log(db, .readProgressReport, object: "progress-report", at: now)
            return (report, access.trainee)
        }
    }

    /// One summary row for every LIS whose leder `leder` is now; each LIS's log says the leder looked.
    package func lederOverview(leder: Principal, at now: Date) async throws -> LederOverview {
        try await write { db in
            let (overview, trainees) = try Self.countedOverview(db, .leder(leder.personKey))
            try Self.logOverview(db, trainees, reader: leder, as: .leder, object: "leder-overview", at: now)
            return overview
        }
    }

    /// One summary row for every LIS whose veileder `veileder` is now; each LIS's log says the veileder looked.
    package func veilederOverview(veileder: Principal, at now: Date) async throws -> LederOverview {
        try await write { db in
            let (overview, trainees) = try Self.countedOverview(db, .veileder(veileder.personKey))
            try Self.logOverview(db, trainees, reader: veileder, as: .veileder, object: "veileder-overview", at: now)
            return overview
        }
    }

    /// The same summary rows for every LIS of the tenant, for the tenant administrator (counts only, no
    /// content). The API checks that `administrator` is the tenant's administrator; each LIS's log says they
    /// looked.
    package func tenantOverview(administrator: Principal, at now: Date) async throws -> LederOverview {
        try await write { db in
            let (overview, trainees) = try Self.countedOverview(db, .tenant)
            try Self.logOverview(
                db, trainees, reader: administrator, as: .tenantAdministrator, object: "tenant-overview", at: now)
            return overview
        }
    }

    /// The LIS's approved objectives (here and imported), for the API to seal (`PlatformSeal`, kind
    /// `ApprovedObjectivesRecord.kind`) and hand to the next employer. Approvers are named as their role
    /// assignments name them, including people who no longer hold the role.
    package func approvedObjectivesRecord(
        traineeID: UUID, caller: Principal, tenant: TenantID, organisationNumber: OrganisationNumber, at now: Date
    ) async throws -> ApprovedObjectivesRecord {
        try await write { db in
            let access = try TrainingAccess.check(db, traineeID: traineeID, actor: caller, .readProgressReport)
            let progress = try ObjectiveProgressRecord.summaries(
                db, where: "traineeId = ? AND state = 'approved'", arguments: [traineeID.lowercasedText])
            var names: [PersonKey: String] = [:]
            for row in try Row.fetchAll(
                db,
                sql: "SELECT personKey, personName FROM roleAssignment WHERE traineeId = ? ORDER BY grantedAt, rowid",
                arguments: [traineeID.lowercasedText])
            {
                if let key = try? PersonKey(hex: row["personKey"]) { names[key] = row["personName"] }
            }
            try access.log(db, .readProgressReport, object: "approved-objectives-record", at: now)
            if access.trainee.personKey == caller.personKey {
                try TenantDatabase.markRecordTaken(db, traineeID: traineeID, at: now)
            }
            return ApprovedObjectivesRecord.make(
                for: access.trainee, progress: progress, names: names, tenant: tenant,
                organisationNumber: organisationNumber, issuedAt: now)
        }
    }

    /// The overview of the LIS of `scope` from counts (`ProgressTally`), and the LIS it shows.
    static func countedOverview(_ db: Database, _ scope: ProgressInputs.Scope) throws -> (LederOverview, [Trainee]) {
        let common = try ProgressInputs.CommonInputs.load(db, scope)
        let tally = try ProgressTally.load(db, scope)
        let overview = LederOverview.build(
            trainees: common.trainees, assignments: common.assignments, catalog: common.plans, tally: tally)
        return (overview, common.trainees)
    }

    /// One read line per LIS shown, with one prepared statement and the time encoded once: an overview of
    /// fifty LIS writes fifty lines.
    private static func logOverview(
        _ db: Database, _ trainees: [Trainee], reader: Principal, as role: Role, object: String, at now: Date
    ) throws {
        let statement = try db.cachedStatement(
            sql: """
                INSERT INTO accessLog (traineeId, actorKey, actorName, role, operation, object, reason, at)
                VALUES (?, ?, ?, ?, ?, ?, NULL, ?)
                """)
        let at = now.databaseValue
        for trainee in trainees where trainee.personKey != reader.personKey {
            try statement.execute(arguments: [
                trainee.id.lowercasedText, reader.personKey.hex, reader.name, role.rawValue,
                TraineeOperation.readProgressReport.rawValue, object, at,
            ])
        }
    }
}

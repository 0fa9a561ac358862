import Domain
import Foundation
import Storage

/// Reports on training: one LIS's progress report, the leder's and the tenant's overviews, and the sealed
/// records a LIS takes along (approved objectives for the next employer, the confirmation of completed
/// service). Every read by someone other than the LIS is access-logged in the transaction that reads.
package struct ReportDesk: Sendable {
    let engine: Engine

    /// The progress report (fremdriftsrapport) of one LIS, with the LIS record it is about.
    package func progressReport(_ caller: TenantCaller, trainee: UUID) async throws
        -> (report: ProgressReport, trainee: Trainee)
    {
        let now = engine.now()
        return try await engine.store.withDatabase(caller.tenant.id) { database in
            try await database.progressReportAndTrainee(traineeID: trainee, caller: caller.principal, at: now)
        }
    }

    /// One summary row for every LIS whose leder the caller is now.
    package func lederOverview(_ caller: TenantCaller) async throws -> LederOverview {
        try await engine.store.withDatabase(caller.tenant.id) { database in
            try await database.lederOverview(leder: caller.principal, at: engine.now())
        }
    }

    /// One summary row for every LIS whose veileder the caller is now: where a veileder finds their LIS.
    package func veilederOverview(_ caller: TenantCaller) async throws -> LederOverview {
        try await engine.store.withDatabase(caller.tenant.id) { database in
            try await database.veilederOverview(veileder: caller.principal, at: engine.now())
        }
    }

    /// Every LIS of the tenant, for its administrator.
    package func tenantOverview(_ caller: TenantCaller) async throws -> LederOverview {
        guard try engine.registry.isAdministrator(caller.principal.personKey, of: caller.tenant.id) else {
            throw AgreementError.notAdministrator(caller.tenant.id)
        }
        return try await engine.store.withDatabase(caller.tenant.id) { database in
            try await database.tenantOverview(administrator: caller.principal, at: engine.now())
        }
    }

    /// The LIS's approved objectives, sealed with the platform's key, to take to the next employer.
    package func approvedRecord(_ caller: TenantCaller, trainee: UUID) async throws -> SealedDocument {
        let record = try await engine.store.withDatabase(caller.tenant.id) { database in
            try engine.checkRecordToTake(caller, trainee: trainee, in: database)
            // The permission before the tenant's own data, so an outsider learns nothing from a refusal.
            try database.check(.readProgressReport, trainee: trainee, by: caller.principal)
            let organisation = try Self.organisationNumber(of: caller.tenant)
            return try await database.approvedObjectivesRecord(
                traineeID: trainee, caller: caller.principal, tenant: caller.tenant.id, organisationNumber: organisation,
                at: engine.now())
        }
        return try engine.seal.seal(kind: ApprovedObjectivesRecord.kind, content: record.content)
    }

    /// Imports a sealed approved-objectives record from another employer: the seal, the issuing tenant and
    /// the person are checked before anything is written. Returns how many objectives it changed.
    package func importApprovedRecord(_ caller: TenantCaller, trainee: UUID, file: Data) async throws -> Int {
        try await engine.store.withDatabase(caller.tenant.id) { database in
            // The caller's permission first, so a forged file tells an outsider nothing.
            try database.check(.importRecord, trainee: trainee, by: caller.principal)
            guard case .valid(let sealed) = PlatformSeal.verify(file: file, publicKey: engine.seal.publicKey),
                sealed.kind == ApprovedObjectivesRecord.kind, let record = ApprovedObjectivesRecord(content: sealed.content)
            else { throw RecordError.sealInvalid }
            guard record.issuingTenant != caller.tenant.id else { throw RecordError.sameTenant }
            let imported = try await database.importApprovals(
                record.importedApprovals, traineeID: trainee, by: caller.principal, at: engine.now()
            ) { lis in
                guard record.traineeKey == lis.personKey else { throw RecordError.anotherPerson }
            }
            engine.logger.info(
                "approved objectives imported", metadata: ["tenant": "\(caller.tenant.id)", "from": "\(record.issuingTenant)"])
            return imported.count
        }
    }

    static func organisationNumber(of tenant: Tenant) throws -> OrganisationNumber {
        guard let number = tenant.organisationNumber else {
            throw ValidationError(
                field: "organisationNumber", reason: .notAllowed("the tenant has no organisation number on record"))
        }
        return number
    }
}

extension Engine {
    /// Progress reports, overviews and the sealed records a LIS takes along.
    package var reports: ReportDesk { ReportDesk(engine: self) }
}

import Domain
import Foundation
import OpenAPIRuntime
import Storage

/// The progress report (one LIS, the leder's LIS, the whole tenant) and the sealed records a LIS takes
/// along: approved objectives for the next employer, and the confirmation of completed service.
extension APIHandlers {
    func getProgressReport(_ input: Operations.GetProgressReport.Input) async throws -> Operations.GetProgressReport.Output {
        let scope = try TenantScope.required()
        let id = try traineeID(input.path.traineeId)
        let now = services.now()
        let (report, trainee) = try await services.tenantStore.withDatabase(scope.tenant.id) { database in
            let report = try await database.progressReport(traineeID: id, caller: scope.principal, at: now)
            guard let trainee = try database.trainee(id: id) else { throw TraineeError.notFound(id) }
            return (report, trainee)
        }
        switch input.query.format ?? .json {
        case .csv:
            return .ok(.init(body: .csv(HTTPBody(report.csv()))))
        case .html:
            let html = ProgressPage.render(report: report, traineeName: trainee.name, tenantName: scope.tenant.name, generatedAt: now)
            return .ok(.init(body: .html(HTTPBody(html))))
        case .json:
            return .ok(.init(body: .json(.init(report, trainee: trainee))))
        }
    }

    func getLederOverview(_ input: Operations.GetLederOverview.Input) async throws -> Operations.GetLederOverview.Output {
        let scope = try TenantScope.required()
        let now = services.now()
        let overview = try await services.tenantStore.withDatabase(scope.tenant.id) { database in
            try await database.lederOverview(leder: scope.principal, at: now)
        }
        switch input.query.format ?? .json {
        case .csv: return .ok(.init(body: .csv(HTTPBody(overview.csv()))))
        case .html:
            let html = ProgressPage.render(
                overview: overview, title: "Mine LIS – fremdrift", tenantName: scope.tenant.name, generatedAt: now)
            return .ok(.init(body: .html(HTTPBody(html))))
        case .json: return .ok(.init(body: .json(.init(overview))))
        }
    }

    func getTenantOverview(_ input: Operations.GetTenantOverview.Input) async throws -> Operations.GetTenantOverview.Output {
        let scope = try TenantScope.required()
        guard try services.registry.isAdministrator(scope.principal.personKey, of: scope.tenant.id) else {
            throw AgreementError.notAdministrator(scope.tenant.id)
        }
        let now = services.now()
        let overview = try await services.tenantStore.withDatabase(scope.tenant.id) { database in
            try await database.tenantOverview(administrator: scope.principal, at: now)
        }
        switch input.query.format ?? .json {
        case .csv: return .ok(.init(body: .csv(HTTPBody(overview.csv()))))
        case .html:
            let html = ProgressPage.render(
                overview: overview, title: "Oversikt over LIS – \(scope.tenant.name)", tenantName: scope.tenant.name,
                generatedAt: now)
            return .ok(.init(body: .html(HTTPBody(html))))
        case .json: return .ok(.init(body: .json(.init(overview))))
        }
    }

    func exportApprovedRecord(_ input: Operations.ExportApprovedRecord.Input) async throws
        -> Operations.ExportApprovedRecord.Output
    {
        let scope = try TenantScope.required()
        let id = try traineeID(input.path.traineeId)
        let record = try await services.tenantStore.withDatabase(scope.tenant.id) { database in
            _ = try authorize(.readProgressReport, trainee: id, scope: scope, database: database)
            let organisation = try organisationNumber(of: scope.tenant)
            return try await database.approvedObjectivesRecord(
                traineeID: id, caller: scope.principal, tenant: scope.tenant.id, organisationNumber: organisation,
                at: services.now())
        }
        let sealed = try services.seal.seal(kind: ApprovedObjectivesRecord.kind, content: record.content)
        return .ok(.init(body: .json(try JSONDecoder().decode(OpenAPIObjectContainer.self, from: Data(sealed.fileText.utf8)))))
    }

    func importApprovedRecord(_ input: Operations.ImportApprovedRecord.Input) async throws
        -> Operations.ImportApprovedRecord.Output
    {
        let scope = try TenantScope.required()
        let id = try traineeID(input.path.traineeId)
        guard case .json(let body) = input.body else { throw RequestError.malformedBody("Expected application/json") }
        _ = try await services.tenantStore.withDatabase(scope.tenant.id) { database in
            try authorize(.importRecord, trainee: id, scope: scope, database: database)
        }
        let file = try JSONEncoder().encode(body)
        guard case .valid(let sealed) = PlatformSeal.verify(file: file, publicKey: services.seal.publicKey),
            sealed.kind == ApprovedObjectivesRecord.kind, let record = ApprovedObjectivesRecord(content: sealed.content)
        else { throw RecordError.sealInvalid }
        guard record.issuingTenant != scope.tenant.id else { throw RecordError.sameTenant }
        let imported = try await services.tenantStore.withDatabase(scope.tenant.id) { database in
            guard let trainee = try database.trainee(id: id) else { throw TraineeError.notFound(id) }
            guard record.traineeKey == trainee.personKey else { throw RecordError.anotherPerson }
            return try await database.importApprovals(
                record.importedApprovals, traineeID: id, by: scope.principal, at: services.now())
        }
        scope.logger.info("approved objectives imported", metadata: ["from": "\(record.issuingTenant)"])
        return .ok(.init(body: .json(.init(imported: imported.count))))
    }

    func getCompletionConfirmation(_ input: Operations.GetCompletionConfirmation.Input) async throws
        -> Operations.GetCompletionConfirmation.Output
    {
        let scope = try TenantScope.required()
        let id = try traineeID(input.path.traineeId)
        let now = services.now()
        let confirmation = try await services.tenantStore.withDatabase(scope.tenant.id) { database in
            _ = try await access(.downloadCompletion, trainee: id, object: "completion", scope: scope, database: database)
            let organisation = try organisationNumber(of: scope.tenant)
            guard let trainee = try database.trainee(id: id) else { throw TraineeError.notFound(id) }
            let key = try input.query.planKey.map { try PlanKey($0) } ?? PlanKey.lis1Kommune
            guard let reference = try database.planAssignments(traineeID: id)
                .first(where: { $0.plan.key == key && $0.state != .archived })?.plan,
                let plan = try database.assignedPlan(reference)
            else { throw ValidationError(field: "planKey", reason: .notAllowed("this plan is not assigned to the LIS")) }
            let progress = try database.objectiveProgress(traineeID: id).filter { $0.plan == reference }
            let last = progress.compactMap(\.approval?.approvedAt).max() ?? now
            var approverKeys: [PersonKey] = []
            for case .local(let leder, _, _, _) in progress.compactMap(\.approval) where !approverKeys.contains(leder) {
                approverKeys.append(leder)
            }
            let names = try holderNames(id, database)
            var approvers = approverKeys.map { names[$0] ?? (try? services.registry.person($0)?.name) ?? $0.description }
            for case .imported(let imported) in progress.compactMap(\.approval) {
                approvers += imported.approverNames.filter { !approvers.contains($0) }
            }
            return try CompletionConfirmation.decide(
                plan: plan, progress: progress, trainee: trainee, tenant: scope.tenant.id, organisationNumber: organisation,
                from: CalendarDate(trainee.registeredAt), to: CalendarDate(last), approvers: approvers, issuedAt: now)
        }
        let sealed = try services.seal.seal(kind: CompletionConfirmation.kind, content: confirmation.content)
        return .ok(.init(body: .json(try JSONDecoder().decode(OpenAPIObjectContainer.self, from: Data(sealed.fileText.utf8)))))
    }

    private func organisationNumber(of tenant: Tenant) throws -> OrganisationNumber {
        guard let number = tenant.organisationNumber else {
            throw ValidationError(field: "organisationNumber", reason: .notAllowed("the tenant has no organisation number on record"))
        }
        return number
    }
}

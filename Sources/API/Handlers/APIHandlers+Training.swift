import Domain
import Foundation
import OpenAPIRuntime
import Storage

/// Plans and learning activities. Each step is one storage verb: it loads the LIS and the caller's roles,
/// checks the permission table, lets the domain decide, writes, and logs the access, in one transaction.
extension APIHandlers {
    func listCatalogPlans(_ input: Operations.ListCatalogPlans.Input) async throws -> Operations.ListCatalogPlans.Output {
        _ = try TenantScope.required()
        let plans = try services.registry.plansInForce(on: CalendarDate.latestBegun(at: services.now()))
        return .ok(.init(body: .json(.init(plans: plans.map(Components.Schemas.Plan.init)))))
    }

    func listPlanAssignments(_ input: Operations.ListPlanAssignments.Input) async throws
        -> Operations.ListPlanAssignments.Output
    {
        let scope = try TenantScope.required()
        let id = try traineeID(input.path.traineeId)
        let assignments = try await services.tenantStore.withDatabase(scope.tenant.id) { database in
            _ = try await access(.readProgressReport, trainee: id, object: "plans", scope: scope, database: database)
            return try database.planAssignments(traineeID: id).map { assignment in
                (assignment, try database.assignedPlan(assignment.plan)?.name ?? assignment.plan.key.rawValue)
            }
        }
        return .ok(.init(body: .json(.init(assignments: assignments.map { .init($0.0, name: $0.1) }))))
    }

    func assignPlan(_ input: Operations.AssignPlan.Input) async throws -> Operations.AssignPlan.Output {
        let scope = try TenantScope.required()
        let id = try traineeID(input.path.traineeId)
        guard case .json(let body) = input.body else { throw RequestError.malformedBody("Expected application/json") }
        let now = services.now()
        let (assignment, plan) = try await services.tenantStore.withDatabase(scope.tenant.id) { database in
            _ = try authorize(.assignPlan, trainee: id, scope: scope, database: database)
            let key = try PlanKey(body.planKey)
            guard let plan = try services.registry.plansInForce(on: CalendarDate.latestBegun(at: now)).first(where: { $0.key == key })
            else { throw ValidationError(field: "planKey", reason: .notAllowed("no plan with this key is in force")) }
            return (try await database.assignPlan(plan, traineeID: id, by: scope.principal, id: services.newID(), at: now), plan)
        }
        return .created(.init(body: .json(.init(assignment, name: plan.name))))
    }

    func removePlanAssignment(_ input: Operations.RemovePlanAssignment.Input) async throws
        -> Operations.RemovePlanAssignment.Output
    {
        let scope = try TenantScope.required()
        let id = try traineeID(input.path.traineeId)
        let assignment = try uuid(input.path.assignmentId, "assignmentId")
        try await services.tenantStore.withDatabase(scope.tenant.id) { database in
            try await database.removeAssignment(id: assignment, traineeID: id, by: scope.principal, at: services.now())
        }
        return .noContent(.init())
    }

    func archivePlanAssignment(_ input: Operations.ArchivePlanAssignment.Input) async throws
        -> Operations.ArchivePlanAssignment.Output
    {
        let scope = try TenantScope.required()
        let id = try traineeID(input.path.traineeId)
        let assignmentID = try uuid(input.path.assignmentId, "assignmentId")
        let (assignment, name) = try await services.tenantStore.withDatabase(scope.tenant.id) { database in
            let assignment = try await database.archiveAssignment(
                id: assignmentID, traineeID: id, by: scope.principal, at: services.now())
            return (assignment, try database.assignedPlan(assignment.plan)?.name ?? assignment.plan.key.rawValue)
        }
        return .ok(.init(body: .json(.init(assignment, name: name))))
    }

    func listActivities(_ input: Operations.ListActivities.Input) async throws -> Operations.ListActivities.Output {
        let scope = try TenantScope.required()
        let id = try traineeID(input.path.traineeId)
        let (activities, names) = try await services.tenantStore.withDatabase(scope.tenant.id) { database in
            _ = try await access(.readProgressReport, trainee: id, object: "activities", scope: scope, database: database)
            return (try database.activities(traineeID: id), try holderNames(id, database))
        }
        return .ok(.init(body: .json(.init(activities: activities.map { .init($0, names: names) }))))
    }

    func recordActivity(_ input: Operations.RecordActivity.Input) async throws -> Operations.RecordActivity.Output {
        let scope = try TenantScope.required()
        let id = try traineeID(input.path.traineeId)
        guard case .json(let body) = input.body else { throw RequestError.malformedBody("Expected application/json") }
        let activity = try await services.tenantStore.withDatabase(scope.tenant.id) { database in
            _ = try authorize(.submitActivity, trainee: id, scope: scope, database: database)
            let (plan, content) = try activityContent(body, trainee: id, database: database)
            return try await database.recordActivity(
                content, plan: plan, traineeID: id, by: scope.principal, id: services.newID(), at: services.now())
        }
        return .created(.init(body: .json(.init(activity, names: [:]))))
    }

    func editActivity(_ input: Operations.EditActivity.Input) async throws -> Operations.EditActivity.Output {
        let scope = try TenantScope.required()
        let id = try traineeID(input.path.traineeId)
        let activityID = try uuid(input.path.activityId, "activityId")
        guard case .json(let body) = input.body else { throw RequestError.malformedBody("Expected application/json") }
        let activity = try await services.tenantStore.withDatabase(scope.tenant.id) { database in
            _ = try authorize(.submitActivity, trainee: id, scope: scope, database: database)
            let (_, content) = try activityContent(body, trainee: id, database: database)
            return try await database.editActivity(
                id: activityID, content: content, traineeID: id, by: scope.principal, at: services.now())
        }
        return .ok(.init(body: .json(.init(activity, names: [:]))))
    }

    func submitActivity(_ input: Operations.SubmitActivity.Input) async throws -> Operations.SubmitActivity.Output {
        let scope = try TenantScope.required()
        let id = try traineeID(input.path.traineeId)
        let activityID = try uuid(input.path.activityId, "activityId")
        guard case .json(let body) = input.body else { throw RequestError.malformedBody("Expected application/json") }
        let (activity, names) = try await services.tenantStore.withDatabase(scope.tenant.id) { database in
            _ = try authorize(.submitActivity, trainee: id, scope: scope, database: database)
            let holderID = try uuid(body.signerAssignmentId, "signerAssignmentId")
            guard let holder = try database.roleAssignments(traineeID: id).first(where: { $0.id == holderID }) else {
                throw ValidationError(field: "signerAssignmentId", reason: .notAllowed("no current role holder of this LIS has this id"))
            }
            let role: ActivitySigner
            switch holder.role {
            case .supervisor: role = .supervisor
            case .veileder: role = .veileder
            default:
                throw ValidationError(field: "signerAssignmentId", reason: .notAllowed("only a supervisor or the veileder signs activities"))
            }
            let activity = try await database.submitActivity(
                id: activityID, to: holder.personKey, role: role, traineeID: id, by: scope.principal, at: services.now())
            return (activity, [holder.personKey: holder.personName])
        }
        return .ok(.init(body: .json(.init(activity, names: names))))
    }

    func approveActivity(_ input: Operations.ApproveActivity.Input) async throws -> Operations.ApproveActivity.Output {
        let scope = try TenantScope.required()
        let id = try traineeID(input.path.traineeId)
        let activityID = try uuid(input.path.activityId, "activityId")
        let activity = try await services.tenantStore.withDatabase(scope.tenant.id) { database in
            try await database.approveActivity(id: activityID, traineeID: id, by: scope.principal, at: services.now())
        }
        return .ok(.init(body: .json(.init(activity, names: [scope.principal.personKey: scope.principal.name]))))
    }

    func rejectActivity(_ input: Operations.RejectActivity.Input) async throws -> Operations.RejectActivity.Output {
        let scope = try TenantScope.required()
        let id = try traineeID(input.path.traineeId)
        let activityID = try uuid(input.path.activityId, "activityId")
        guard case .json(let body) = input.body else { throw RequestError.malformedBody("Expected application/json") }
        let activity = try await services.tenantStore.withDatabase(scope.tenant.id) { database in
            try await database.rejectActivity(
                id: activityID, comment: body.comment, traineeID: id, by: scope.principal, at: services.now())
        }
        return .ok(.init(body: .json(.init(activity, names: [scope.principal.personKey: scope.principal.name]))))
    }

    func uploadAttachment(_ input: Operations.UploadAttachment.Input) async throws -> Operations.UploadAttachment.Output {
        let scope = try TenantScope.required()
        let id = try traineeID(input.path.traineeId)
        guard case .binary(let body) = input.body else { throw RequestError.malformedBody("Expected application/octet-stream") }
        let reference = try await services.tenantStore.withDatabase(scope.tenant.id) { database in
            _ = try authorize(.submitActivity, trainee: id, scope: scope, database: database)
            let bytes = try await [UInt8](collecting: body, upTo: services.configuration.http.maxUploadBytes)
            return try await database.storeAttachment(
                bytes, filename: input.query.filename, mediaType: input.query.mediaType, traineeID: id,
                by: scope.principal, at: services.now())
        }
        return .created(.init(body: .json(.init(reference))))
    }

    func downloadAttachment(_ input: Operations.DownloadAttachment.Input) async throws -> Operations.DownloadAttachment.Output {
        let scope = try TenantScope.required()
        let id = try traineeID(input.path.traineeId)
        let file = try await services.tenantStore.withDatabase(scope.tenant.id) { database in
            _ = try await access(
                .readRecord, trainee: id, object: "attachment:\(input.path.sha256.prefix(16))", scope: scope, database: database)
            return try database.attachment(traineeID: id, sha256: input.path.sha256)
        }
        guard let file else { throw TraineeError.notFound(id) }
        let disposition = "attachment; filename*=UTF-8''" + (file.reference.filename.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "vedlegg")
        return .ok(.init(headers: .init(contentDisposition: disposition), body: .binary(HTTPBody(file.bytes))))
    }

    // MARK: Helpers

    /// The plan version this LIS is on for `key` (the one assigned, never a newer one).
    func assignedReference(_ rawKey: String, trainee: UUID, database: TenantDatabase) throws -> PlanReference {
        let key = try PlanKey(rawKey)
        guard let assignment = try database.planAssignments(traineeID: trainee).first(where: { $0.plan.key == key && $0.state != .archived })
        else { throw ValidationError(field: "planKey", reason: .notAllowed("this plan is not assigned to the LIS")) }
        return assignment.plan
    }

    private func activityContent(
        _ body: Components.Schemas.ActivityRequest, trainee: UUID, database: TenantDatabase
    ) throws -> (PlanReference, LearningActivity.Content) {
        let plan = try assignedReference(body.planKey, trainee: trainee, database: database)
        let objective = try body.objectiveId.map { try ObjectiveID($0) }
        let kind: LearningActivity.Kind
        switch (body.recommendation, body.alternative) {
        case (let index?, nil):
            kind = .recommended(index: index)
        case (nil, let alternative?):
            guard let type = ActivityType(rawValue: alternative._type.rawValue),
                let signer = ActivitySigner(rawValue: alternative.signer.rawValue)
            else { throw ValidationError(field: "alternative", reason: .notAllowed("unknown type or signer")) }
            kind = .alternative(type: type, signer: signer, documentation: alternative.documentation)
        default:
            throw ValidationError(
                field: "recommendation", reason: .notAllowed("give either recommendation (an index) or alternative, not both"))
        }
        let attachment = try body.attachmentSha256.map { sha256 in
            guard let reference = try database.attachmentReference(traineeID: trainee, sha256: sha256) else {
                throw ValidationError(field: "attachmentSha256", reason: .notAllowed("no file with this hash was uploaded for the LIS"))
            }
            return reference
        }
        let content = LearningActivity.Content(
            objectiveID: objective, kind: kind, performedOn: try CalendarDate(iso: body.performedOn, field: "performedOn"),
            note: body.note ?? "", attachment: attachment)
        return (plan, content)
    }

    /// Names of the people who hold roles for the LIS, to show who an activity was sent to.
    func holderNames(_ trainee: UUID, _ database: TenantDatabase) throws -> [PersonKey: String] {
        Dictionary(try database.roleAssignments(traineeID: trainee).map { ($0.personKey, $0.personName) }) { first, _ in first }
    }

}

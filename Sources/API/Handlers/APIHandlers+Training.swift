import Domain
import Engine
import Foundation
import OpenAPIRuntime
import Web

/// Plans and learning activities: each handler decodes, calls one engine operation and encodes.
extension APIHandlers {
    func listCatalogPlans(_ input: Operations.ListCatalogPlans.Input) async throws -> Operations.ListCatalogPlans.Output {
        let scope = try TenantScope.required()
        let plans = try services.engine.training.plansInForce(scope.caller)
        return .ok(.init(body: .json(.init(plans: plans.map(Components.Schemas.Plan.init)))))
    }

    func listPlanAssignments(_ input: Operations.ListPlanAssignments.Input) async throws
        -> Operations.ListPlanAssignments.Output
    {
        let scope = try TenantScope.required()
        let assignments = try await services.engine.training.planAssignments(
            scope.caller, trainee: try traineeID(input.path.traineeId))
        return .ok(.init(body: .json(.init(assignments: assignments.map { .init($0.assignment, name: $0.name) }))))
    }

    func assignPlan(_ input: Operations.AssignPlan.Input) async throws -> Operations.AssignPlan.Output {
        let scope = try TenantScope.required()
        let id = try traineeID(input.path.traineeId)
        guard case .json(let body) = input.body else { throw RequestError.malformedBody("Expected application/json") }
        let assigned = try await services.engine.training.assignPlan(scope.caller, trainee: id, planKey: body.planKey)
        return .created(.init(body: .json(.init(assigned.assignment, name: assigned.name))))
    }

    func removePlanAssignment(_ input: Operations.RemovePlanAssignment.Input) async throws
        -> Operations.RemovePlanAssignment.Output
    {
        let scope = try TenantScope.required()
        try await services.engine.training.removePlan(
            scope.caller, trainee: try traineeID(input.path.traineeId),
            assignment: try uuid(input.path.assignmentId, "assignmentId"))
        return .noContent(.init())
    }

    func archivePlanAssignment(_ input: Operations.ArchivePlanAssignment.Input) async throws
        -> Operations.ArchivePlanAssignment.Output
    {
        let scope = try TenantScope.required()
        let archived = try await services.engine.training.archivePlan(
            scope.caller, trainee: try traineeID(input.path.traineeId),
            assignment: try uuid(input.path.assignmentId, "assignmentId"))
        return .ok(.init(body: .json(.init(archived.assignment, name: archived.name))))
    }

    func listActivities(_ input: Operations.ListActivities.Input) async throws -> Operations.ListActivities.Output {
        let scope = try TenantScope.required()
        let (activities, names) = try await services.engine.training.activities(
            scope.caller, trainee: try traineeID(input.path.traineeId))
        return .ok(.init(body: .json(.init(activities: activities.map { .init($0, names: names) }))))
    }

    func recordActivity(_ input: Operations.RecordActivity.Input) async throws -> Operations.RecordActivity.Output {
        let scope = try TenantScope.required()
        let id = try traineeID(input.path.traineeId)
        guard case .json(let body) = input.body else { throw RequestError.malformedBody("Expected application/json") }
        let activity = try await services.engine.training.recordActivity(scope.caller, trainee: id, ActivityInput(body))
        return .created(.init(body: .json(.init(activity, names: [:]))))
    }

    func editActivity(_ input: Operations.EditActivity.Input) async throws -> Operations.EditActivity.Output {
        let scope = try TenantScope.required()
        let id = try traineeID(input.path.traineeId)
        let activityID = try uuid(input.path.activityId, "activityId")
        guard case .json(let body) = input.body else { throw RequestError.malformedBody("Expected application/json") }
        let activity = try await services.engine.training.editActivity(
            scope.caller, trainee: id, activity: activityID, ActivityInput(body))
        return .ok(.init(body: .json(.init(activity, names: [:]))))
    }

    func submitActivity(_ input: Operations.SubmitActivity.Input) async throws -> Operations.SubmitActivity.Output {
        let scope = try TenantScope.required()
        let id = try traineeID(input.path.traineeId)
        let activityID = try uuid(input.path.activityId, "activityId")
        guard case .json(let body) = input.body else { throw RequestError.malformedBody("Expected application/json") }
        let (activity, names) = try await services.engine.training.submitActivity(
            scope.caller, trainee: id, activity: activityID, signerAssignment: body.signerAssignmentId)
        return .ok(.init(body: .json(.init(activity, names: names))))
    }

    func approveActivity(_ input: Operations.ApproveActivity.Input) async throws -> Operations.ApproveActivity.Output {
        let scope = try TenantScope.required()
        let activity = try await services.engine.training.approveActivity(
            scope.caller, trainee: try traineeID(input.path.traineeId), activity: try uuid(input.path.activityId, "activityId"))
        return .ok(.init(body: .json(.init(activity, names: [scope.principal.personKey: scope.principal.name]))))
    }

    func rejectActivity(_ input: Operations.RejectActivity.Input) async throws -> Operations.RejectActivity.Output {
        let scope = try TenantScope.required()
        let id = try traineeID(input.path.traineeId)
        let activityID = try uuid(input.path.activityId, "activityId")
        guard case .json(let body) = input.body else { throw RequestError.malformedBody("Expected application/json") }
        let activity = try await services.engine.training.rejectActivity(
            scope.caller, trainee: id, activity: activityID, comment: body.comment)
        return .ok(.init(body: .json(.init(activity, names: [scope.principal.personKey: scope.principal.name]))))
    }

    func uploadAttachment(_ input: Operations.UploadAttachment.Input) async throws -> Operations.UploadAttachment.Output {
        let scope = try TenantScope.required()
        let id = try traineeID(input.path.traineeId)
        guard case .binary(let body) = input.body else { throw RequestError.malformedBody("Expected application/octet-stream") }
        let reference = try await services.engine.training.uploadAttachment(
            scope.caller, trainee: id, filename: input.query.filename, mediaType: input.query.mediaType
        ) { limit in try await [UInt8](collecting: body, upTo: limit) }
        return .created(.init(body: .json(.init(reference))))
    }

    func downloadAttachment(_ input: Operations.DownloadAttachment.Input) async throws -> Operations.DownloadAttachment.Output {
        let scope = try TenantScope.required()
        let file = try await services.engine.training.attachment(
            scope.caller, trainee: try traineeID(input.path.traineeId), sha256: input.path.sha256)
        return .ok(
            .init(
                headers: .init(contentDisposition: ContentDisposition.attachment(filename: file.reference.filename)),
                body: .binary(HTTPBody(file.bytes))))
    }
}

extension ActivityInput {
    init(_ body: Components.Schemas.ActivityRequest) {
        self.init(
            planKey: body.planKey, objectiveID: body.objectiveId, recommendation: body.recommendation,
            alternative: body.alternative.map {
                Alternative(type: $0._type.rawValue, signer: $0.signer.rawValue, documentation: $0.documentation)
            },
            performedOn: body.performedOn, note: body.note, attachmentSha256: body.attachmentSha256)
    }
}

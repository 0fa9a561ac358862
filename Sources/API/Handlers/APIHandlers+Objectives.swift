import Domain
import Engine
import Foundation
import OpenAPIRuntime

/// Learning objectives and supervision talks: each handler decodes, calls one engine operation and encodes.
extension APIHandlers {
    func listObjectives(_ input: Operations.ListObjectives.Input) async throws -> Operations.ListObjectives.Output {
        let scope = try TenantScope.required()
        let (progress, names) = try await services.engine.training.objectives(
            scope.caller, trainee: try traineeID(input.path.traineeId))
        return .ok(.init(body: .json(.init(objectives: progress.map { .init($0, names: names) }))))
    }

    func submitObjective(_ input: Operations.SubmitObjective.Input) async throws -> Operations.SubmitObjective.Output {
        let scope = try TenantScope.required()
        guard case .json(let body) = input.body else { throw RequestError.malformedBody("Expected application/json") }
        let (progress, names) = try await services.engine.training.submitObjective(
            scope.caller, trainee: try traineeID(input.path.traineeId), objective: input.path.objectiveId,
            planKey: body.planKey)
        return .ok(.init(body: .json(.init(progress, names: names))))
    }

    func approveObjective(_ input: Operations.ApproveObjective.Input) async throws -> Operations.ApproveObjective.Output {
        let scope = try TenantScope.required()
        guard case .json(let body) = input.body else { throw RequestError.malformedBody("Expected application/json") }
        let (progress, names) = try await services.engine.training.approveObjective(
            scope.caller, trainee: try traineeID(input.path.traineeId), objective: input.path.objectiveId,
            planKey: body.planKey, consultedVeileder: body.consultedVeileder,
            consultedSupervisors: body.consultedSupervisors)
        return .ok(.init(body: .json(.init(progress, names: names))))
    }

    func rejectObjective(_ input: Operations.RejectObjective.Input) async throws -> Operations.RejectObjective.Output {
        let scope = try TenantScope.required()
        guard case .json(let body) = input.body else { throw RequestError.malformedBody("Expected application/json") }
        let (progress, names) = try await services.engine.training.rejectObjective(
            scope.caller, trainee: try traineeID(input.path.traineeId), objective: input.path.objectiveId,
            planKey: body.planKey, comment: body.comment)
        return .ok(.init(body: .json(.init(progress, names: names))))
    }

    func revokeObjectiveApproval(_ input: Operations.RevokeObjectiveApproval.Input) async throws
        -> Operations.RevokeObjectiveApproval.Output
    {
        let scope = try TenantScope.required()
        guard case .json(let body) = input.body else { throw RequestError.malformedBody("Expected application/json") }
        let (progress, names) = try await services.engine.training.revokeObjectiveApproval(
            scope.caller, trainee: try traineeID(input.path.traineeId), objective: input.path.objectiveId,
            planKey: body.planKey, reason: body.reason)
        return .ok(.init(body: .json(.init(progress, names: names))))
    }

    // MARK: Talks

    func listTalks(_ input: Operations.ListTalks.Input) async throws -> Operations.ListTalks.Output {
        let scope = try TenantScope.required()
        let talks = try await services.engine.training.talks(scope.caller, trainee: try traineeID(input.path.traineeId))
        return .ok(.init(body: .json(.init(talks: talks.map(Components.Schemas.Talk.init)))))
    }

    func createTalk(_ input: Operations.CreateTalk.Input) async throws -> Operations.CreateTalk.Output {
        let scope = try TenantScope.required()
        let id = try traineeID(input.path.traineeId)
        guard case .json(let body) = input.body else { throw RequestError.malformedBody("Expected application/json") }
        let talk = try await services.engine.training.createTalk(scope.caller, trainee: id, date: body.date, topic: body.topic)
        return .created(.init(body: .json(.init(VisibleTalk(talk, showingText: true)))))
    }

    func writeTalkPreparation(_ input: Operations.WriteTalkPreparation.Input) async throws
        -> Operations.WriteTalkPreparation.Output
    {
        let scope = try TenantScope.required()
        guard case .json(let body) = input.body else { throw RequestError.malformedBody("Expected application/json") }
        let talk = try await services.engine.training.writeTalkPreparation(
            scope.caller, trainee: try traineeID(input.path.traineeId), talk: try uuid(input.path.talkId, "talkId"),
            text: body.text)
        return .ok(.init(body: .json(.init(VisibleTalk(talk, showingText: true)))))
    }

    func writeTalkMinutes(_ input: Operations.WriteTalkMinutes.Input) async throws -> Operations.WriteTalkMinutes.Output {
        let scope = try TenantScope.required()
        guard case .json(let body) = input.body else { throw RequestError.malformedBody("Expected application/json") }
        let talk = try await services.engine.training.writeTalkMinutes(
            scope.caller, trainee: try traineeID(input.path.traineeId), talk: try uuid(input.path.talkId, "talkId"),
            text: body.text)
        return .ok(.init(body: .json(.init(VisibleTalk(talk, showingText: true)))))
    }

    func finaliseTalk(_ input: Operations.FinaliseTalk.Input) async throws -> Operations.FinaliseTalk.Output {
        let scope = try TenantScope.required()
        let talk = try await services.engine.training.finaliseTalk(
            scope.caller, trainee: try traineeID(input.path.traineeId), talk: try uuid(input.path.talkId, "talkId"))
        return .ok(.init(body: .json(.init(VisibleTalk(talk, showingText: true)))))
    }
}

import Domain
import Foundation
import OpenAPIRuntime
import Storage

/// Learning objectives and supervision talks.
extension APIHandlers {
    func listObjectives(_ input: Operations.ListObjectives.Input) async throws -> Operations.ListObjectives.Output {
        let scope = try TenantScope.required()
        let id = try traineeID(input.path.traineeId)
        let (progress, names) = try await services.tenantStore.withDatabase(scope.tenant.id) { database in
            _ = try await access(.readProgressReport, trainee: id, object: "objectives", scope: scope, database: database)
            return (try database.objectiveProgress(traineeID: id), try holderNames(id, database))
        }
        return .ok(.init(body: .json(.init(objectives: progress.map { .init($0, names: names) }))))
    }

    func submitObjective(_ input: Operations.SubmitObjective.Input) async throws -> Operations.SubmitObjective.Output {
        guard case .json(let body) = input.body else { throw RequestError.malformedBody("Expected application/json") }
        let progress = try await objectiveStep(.submitObjective, input.path.traineeId, input.path.objectiveId, body.planKey) {
            database, id, objective, plan, scope in
            try await database.submitObjective(objective, plan: plan, traineeID: id, by: scope.principal, at: services.now())
        }
        return .ok(.init(body: .json(progress)))
    }

    func approveObjective(_ input: Operations.ApproveObjective.Input) async throws -> Operations.ApproveObjective.Output {
        guard case .json(let body) = input.body else { throw RequestError.malformedBody("Expected application/json") }
        let progress = try await objectiveStep(.approveObjective, input.path.traineeId, input.path.objectiveId, body.planKey) {
            database, id, objective, plan, scope in
            let holders = try database.roleAssignments(traineeID: id)
            func person(_ raw: String, _ field: String, _ role: Role) throws -> PersonKey {
                guard let uuid = UUID(uuidString: raw), let holder = holders.first(where: { $0.id == uuid }) else {
                    throw ValidationError(field: field, reason: .notAllowed("no current role holder of this LIS has this id"))
                }
                guard holder.role == role else {
                    throw ValidationError(field: field, reason: .notAllowed("this person is not the LIS's \(role.rawValue)"))
                }
                return holder.personKey
            }
            let veileder = try person(body.consultedVeileder, "consultedVeileder", .veileder)
            let supervisors = try body.consultedSupervisors.map { try person($0, "consultedSupervisors", .supervisor) }
            return try await database.approveObjective(
                objective, plan: plan, traineeID: id, consultedVeileder: veileder, consultedSupervisors: supervisors,
                by: scope.principal, at: services.now())
        }
        return .ok(.init(body: .json(progress)))
    }

    func rejectObjective(_ input: Operations.RejectObjective.Input) async throws -> Operations.RejectObjective.Output {
        guard case .json(let body) = input.body else { throw RequestError.malformedBody("Expected application/json") }
        let progress = try await objectiveStep(.approveObjective, input.path.traineeId, input.path.objectiveId, body.planKey) {
            database, id, objective, plan, scope in
            try await database.rejectObjective(
                objective, plan: plan, traineeID: id, comment: body.comment, by: scope.principal, at: services.now())
        }
        return .ok(.init(body: .json(progress)))
    }

    func revokeObjectiveApproval(_ input: Operations.RevokeObjectiveApproval.Input) async throws
        -> Operations.RevokeObjectiveApproval.Output
    {
        guard case .json(let body) = input.body else { throw RequestError.malformedBody("Expected application/json") }
        let progress = try await objectiveStep(.approveObjective, input.path.traineeId, input.path.objectiveId, body.planKey) {
            database, id, objective, plan, scope in
            try await database.revokeObjectiveApproval(
                objective, plan: plan, traineeID: id, reason: body.reason, by: scope.principal, at: services.now())
        }
        return .ok(.init(body: .json(progress)))
    }

    /// One step on one objective: the permission is checked before the plan is looked up, so a person
    /// without it learns nothing about the LIS's plans; the storage verb decides and logs.
    private func objectiveStep(
        _ operation: TraineeOperation, _ rawTrainee: String, _ rawObjective: String, _ planKey: String,
        _ step: (TenantDatabase, UUID, ObjectiveID, PlanReference, TenantScope) async throws -> ObjectiveProgress
    ) async throws -> Components.Schemas.ObjectiveState {
        let scope = try TenantScope.required()
        let id = try traineeID(rawTrainee)
        let objective = try ObjectiveID(rawObjective)
        let (progress, names) = try await services.tenantStore.withDatabase(scope.tenant.id) { database in
            _ = try authorize(operation, trainee: id, scope: scope, database: database)
            let plan = try assignedReference(planKey, trainee: id, database: database)
            return (try await step(database, id, objective, plan, scope), try holderNames(id, database))
        }
        return .init(progress, names: names.merging([scope.principal.personKey: scope.principal.name]) { first, _ in first })
    }

    // MARK: Talks

    func listTalks(_ input: Operations.ListTalks.Input) async throws -> Operations.ListTalks.Output {
        let scope = try TenantScope.required()
        let id = try traineeID(input.path.traineeId)
        let talks = try await services.tenantStore.withDatabase(scope.tenant.id) { database in
            try await database.talks(traineeID: id, for: scope.principal, at: services.now())
        }
        return .ok(.init(body: .json(.init(talks: talks.map(Components.Schemas.Talk.init)))))
    }

    func createTalk(_ input: Operations.CreateTalk.Input) async throws -> Operations.CreateTalk.Output {
        let scope = try TenantScope.required()
        let id = try traineeID(input.path.traineeId)
        guard case .json(let body) = input.body else { throw RequestError.malformedBody("Expected application/json") }
        let date = try CalendarDate(iso: body.date, field: "date")
        let talk = try await services.tenantStore.withDatabase(scope.tenant.id) { database in
            try await database.createTalk(
                traineeID: id, date: date, topic: body.topic, by: scope.principal, id: services.newID(), at: services.now())
        }
        return .created(.init(body: .json(.init(VisibleTalk(talk, showingText: true)))))
    }

    func writeTalkPreparation(_ input: Operations.WriteTalkPreparation.Input) async throws
        -> Operations.WriteTalkPreparation.Output
    {
        guard case .json(let body) = input.body else { throw RequestError.malformedBody("Expected application/json") }
        let talk = try await talkStep(input.path.traineeId, input.path.talkId) { database, id, talkID, scope in
            try await database.writeTalkPreparation(id: talkID, traineeID: id, text: body.text, by: scope.principal, at: services.now())
        }
        return .ok(.init(body: .json(talk)))
    }

    func writeTalkMinutes(_ input: Operations.WriteTalkMinutes.Input) async throws -> Operations.WriteTalkMinutes.Output {
        guard case .json(let body) = input.body else { throw RequestError.malformedBody("Expected application/json") }
        let talk = try await talkStep(input.path.traineeId, input.path.talkId) { database, id, talkID, scope in
            try await database.writeTalkMinutes(id: talkID, traineeID: id, text: body.text, by: scope.principal, at: services.now())
        }
        return .ok(.init(body: .json(talk)))
    }

    func finaliseTalk(_ input: Operations.FinaliseTalk.Input) async throws -> Operations.FinaliseTalk.Output {
        let talk = try await talkStep(input.path.traineeId, input.path.talkId) { database, id, talkID, scope in
            try await database.finaliseTalk(id: talkID, traineeID: id, by: scope.principal, at: services.now())
        }
        return .ok(.init(body: .json(talk)))
    }

    /// One step on one talk by a participant, who sees the whole talk afterwards.
    private func talkStep(
        _ rawTrainee: String, _ rawTalk: String,
        _ step: (TenantDatabase, UUID, UUID, TenantScope) async throws -> SupervisionTalk
    ) async throws -> Components.Schemas.Talk {
        let scope = try TenantScope.required()
        let id = try traineeID(rawTrainee)
        let talkID = try uuid(rawTalk, "talkId")
        let talk = try await services.tenantStore.withDatabase(scope.tenant.id) { database in
            try await step(database, id, talkID, scope)
        }
        return .init(VisibleTalk(talk, showingText: true))
    }
}

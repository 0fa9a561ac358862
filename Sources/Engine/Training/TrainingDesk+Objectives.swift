import Domain
import Foundation
import Storage
import Synchronization

/// Learning objectives: the LIS sends, the leder approves after consulting the veileder and supervisors,
/// or rejects (underkjenner); an approval is undone only by a revocation with a reason.
extension TrainingDesk {
    /// Every objective record of the LIS, with the names of the people in its history.
    package func objectives(_ caller: TenantCaller, trainee: UUID) async throws
        -> (progress: [ObjectiveProgress], names: [PersonKey: String])
    {
        try await engine.store.withDatabase(caller.tenant.id) { database in
            try await database.read(
                .readProgressReport, trainee: trainee, by: caller.principal, object: "objectives", at: engine.now()
            ) { reader in
                (try reader.objectiveProgress(), reader.holderNames())
            }
        }
    }

    /// The LIS sends an objective of an assigned plan to the leder.
    package func submitObjective(_ caller: TenantCaller, trainee: UUID, objective: String, planKey: String)
        async throws -> (progress: ObjectiveProgress, names: [PersonKey: String])
    {
        let now = engine.now()
        return try await objectiveStep(caller, trainee, objective, planKey, .submitObjective, "submitted") {
            progress, reader in
            try progress.submit(by: reader.trainee, at: now)
        }
    }

    /// The leder approves, naming the veileder and at least one supervisor consulted, each chosen among the
    /// LIS's current role holders by their assignment id.
    package func approveObjective(
        _ caller: TenantCaller, trainee: UUID, objective: String, planKey: String, consultedVeileder: String,
        consultedSupervisors: [String]
    ) async throws -> (progress: ObjectiveProgress, names: [PersonKey: String]) {
        let now = engine.now()
        let leder = caller.principal.personKey
        return try await objectiveStep(caller, trainee, objective, planKey, .approveObjective, "approved") {
            progress, reader in
            let veileder = try Self.consulted(consultedVeileder, "consultedVeileder", .veileder, reader)
            let supervisors = try consultedSupervisors.map {
                try Self.consulted($0, "consultedSupervisors", .supervisor, reader)
            }
            return try progress.approve(
                by: leder, consultedVeileder: veileder, consultedSupervisors: supervisors, trainee: reader.trainee,
                roles: reader.roles, at: now)
        }
    }

    /// The leder rejects (underkjenner) with a comment.
    package func rejectObjective(
        _ caller: TenantCaller, trainee: UUID, objective: String, planKey: String, comment: String
    ) async throws -> (progress: ObjectiveProgress, names: [PersonKey: String]) {
        let now = engine.now()
        let leder = caller.principal.personKey
        return try await objectiveStep(caller, trainee, objective, planKey, .approveObjective, "rejected") {
            progress, reader in
            try progress.reject(comment: comment, by: leder, trainee: reader.trainee, roles: reader.roles, at: now)
        }
    }

    /// The leder revokes an approval with a reason; the approval stays in the history.
    package func revokeObjectiveApproval(
        _ caller: TenantCaller, trainee: UUID, objective: String, planKey: String, reason: String
    ) async throws -> (progress: ObjectiveProgress, names: [PersonKey: String]) {
        let now = engine.now()
        let leder = caller.principal.personKey
        return try await objectiveStep(caller, trainee, objective, planKey, .approveObjective, "approval revoked") {
            progress, reader in
            try progress.revokeApproval(reason: reason, by: leder, trainee: reader.trainee, roles: reader.roles, at: now)
        }
    }

    /// One step on one objective: the permission is checked before the plan is looked up, so a person
    /// without it learns nothing about the LIS's plans; then the domain decides, in the same transaction.
    private func objectiveStep(
        _ caller: TenantCaller, _ trainee: UUID, _ rawObjective: String, _ planKey: String,
        _ operation: TraineeOperation, _ verdict: String,
        decide: @escaping @Sendable (ObjectiveProgress, TraineeReader) throws -> ObjectiveProgress
    ) async throws -> (progress: ObjectiveProgress, names: [PersonKey: String]) {
        let objective = try ObjectiveID(rawObjective)
        let caller = caller
        let notice = notices(caller)
        defer { engine.mail.tenant(caller.tenant.id) }
        return try await engine.store.withDatabase(caller.tenant.id) { database in
            let names = Mutex<[PersonKey: String]>([:])
            let progress = try await database.changeObjective(
                objective, traineeID: trainee, by: caller.principal, operation: operation, verdict: verdict,
                at: engine.now(), plan: { reader in try Self.assignedReference(planKey, in: reader) },
                notices: { decided, reader in
                    switch decided.state {
                    case .submitted:
                        guard let leder = reader.roles.first(where: { $0.role == .leder }) else { return [] }
                        return notice.waiting(.objectiveToApprove, to: leder.personKey, reader: reader)
                    case .approved where verdict == "approved":
                        return notice.decided("et læringsmål", "godkjent", reader: reader)
                    case .rejected:
                        return notice.decided("et læringsmål", "underkjent", reader: reader)
                    default:
                        return []
                    }
                }
            ) { progress, reader in
                let decided = try decide(progress, reader)
                names.withLock { $0 = reader.holderNames() }
                return decided
            }
            var all = names.withLock { $0 }
            all[caller.principal.personKey] = all[caller.principal.personKey] ?? caller.principal.name
            return (progress, all)
        }
    }

    /// A consulted person: a current holder of `role` for the LIS, by assignment id.
    private static func consulted(_ raw: String, _ field: String, _ role: Role, _ reader: TraineeReader) throws
        -> PersonKey
    {
        let holder = try holder(raw, field: field, in: reader)
        guard holder.role == role else {
            throw ValidationError(field: field, reason: .notAllowed("this person is not the LIS's \(role.rawValue)"))
        }
        return holder.personKey
    }
}

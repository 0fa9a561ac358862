import Domain
import Foundation
import Storage

extension ReportDesk {
    /// The sealed confirmation of completed service for one plan (LIS1 in a kommune unless another key is
    /// given), once every objective of it is approved; for the LIS and the leder.
    package func completion(_ caller: TenantCaller, trainee: UUID, planKey rawKey: String?) async throws
        -> SealedDocument
    {
        let now = engine.now()
        let key = try rawKey.map { try PlanKey($0) } ?? PlanKey.lis1Kommune
        let tenant = caller.tenant.id
        let (progress, plan, lis, names) = try await engine.store.withDatabase(caller.tenant.id) { database in
            try engine.checkRecordToTake(caller, trainee: trainee, in: database)
            return try await database.read(
                .downloadCompletion, trainee: trainee, by: caller.principal, object: "completion", at: now
            ) { reader in
                guard
                    let reference = try reader.planAssignments()
                        .first(where: { $0.plan.key == key && $0.state != .archived })?.plan,
                    let plan = try reader.plan(reference)
                else { throw ValidationError(field: "planKey", reason: .notAllowed("this plan is not assigned to the LIS")) }
                let progress = try reader.objectiveProgress().filter { $0.plan == reference }
                return (progress, plan, reader.trainee, reader.holderNames())
            }
        }
        let organisation = try Self.organisationNumber(of: caller.tenant)
        let last = progress.compactMap(\.approval?.approvedAt).max() ?? now
        var approverKeys: [PersonKey] = []
        for case .local(let leder, _, _, _) in progress.compactMap(\.approval) where !approverKeys.contains(leder) {
            approverKeys.append(leder)
        }
        var approvers = approverKeys.map { names[$0] ?? (try? engine.registry.person($0)?.name) ?? $0.description }
        for case .imported(let imported) in progress.compactMap(\.approval) {
            approvers += imported.approverNames.filter { !approvers.contains($0) }
        }
        let confirmation = try CompletionConfirmation.decide(
            plan: plan, progress: progress, trainee: lis, tenant: tenant, organisationNumber: organisation,
            from: CalendarDate(lis.registeredAt), to: CalendarDate(last), approvers: approvers, issuedAt: now)
        return try engine.seal.seal(kind: CompletionConfirmation.kind, content: confirmation.content)
    }
}

import Domain
import Foundation
import Storage

/// What waits for a person, across the tenants they belong to: the start page's counts, the activities a
/// supervisør or veileder is asked to sign, and the objectives a leder is asked to approve. The lists are
/// reads of LIS data, logged in each LIS's access log by Storage in the transaction that reads; the counts
/// are not (they show nobody's data).
package struct WorkDesk: Sendable {
    let engine: Engine

    /// Each tenant the person belongs to, their roles there and what waits; a tenant the gate keeps closed
    /// is listed with its roles and no counts (its database is not opened).
    package func overview(of principal: Principal) async throws -> [TenantWork] {
        var work: [TenantWork] = []
        for (tenant, roles) in try engine.registry.memberships(of: principal.personKey) {
            let open = tenant.gateRefusal(at: engine.now()) == nil && roles.contains { $0 != .tenantAdministrator }
            let counts =
                open
                ? try await engine.store.withDatabase(tenant.id) { try $0.waitingCounts(for: principal.personKey) }
                : WaitingCounts.none
            work.append(TenantWork(tenant: tenant, roles: roles, counts: counts, isOpen: open))
        }
        return work
    }

    /// The activities sent to the person for signature in every open tenant they belong to, each tenant's
    /// oldest first.
    package func activitiesToSign(by principal: Principal) async throws -> [WaitingActivity] {
        var found: [WaitingActivity] = []
        for (tenant, roles) in try engine.registry.memberships(of: principal.personKey)
        where tenant.gateRefusal(at: engine.now()) == nil && (roles.contains(.supervisor) || roles.contains(.veileder))
        {
            let waiting = try await engine.store.withDatabase(tenant.id) { database in
                try await database.activitiesAwaitingSignature(by: principal, at: engine.now())
            }
            for (trainee, activity) in waiting {
                let objective = try activity.objectiveID.flatMap { id in
                    try engine.registry.plan(key: activity.plan.key, version: activity.plan.version)?.objective(id)
                }
                found.append(
                    WaitingActivity(tenant: tenant, trainee: trainee, activity: activity, objectiveTitle: objective?.title))
            }
        }
        return found
    }

    /// The objectives the leder's LIS have sent for approval in this tenant, oldest first.
    package func objectivesToApprove(_ caller: TenantCaller) async throws -> [WaitingObjective] {
        let waiting = try await engine.store.withDatabase(caller.tenant.id) { database in
            try await database.objectivesAwaitingApproval(by: caller.principal, at: engine.now())
        }
        var plans: [PlanReference: Plan?] = [:]
        return try waiting.map { trainee, progress, submittedAt in
            if plans[progress.plan] == nil {
                plans[progress.plan] = try engine.registry.plan(key: progress.plan.key, version: progress.plan.version)
            }
            let objective = plans[progress.plan]??.objective(progress.objectiveID)
            return WaitingObjective(
                trainee: trainee, progress: progress, objectiveTitle: objective?.title, submittedAt: submittedAt)
        }
    }
}

/// One tenant on a person's start page.
package struct TenantWork: Sendable {
    package let tenant: Tenant
    package let roles: [Role]
    package let counts: WaitingCounts
    /// The gate lets the tenant in (its agreement is in force and it is not suspended).
    package let isOpen: Bool
}

/// An activity waiting for the person's signature.
package struct WaitingActivity: Sendable {
    package let tenant: Tenant
    package let trainee: Trainee
    package let activity: LearningActivity
    package let objectiveTitle: String?
}

/// An objective waiting for the leder's approval.
package struct WaitingObjective: Sendable {
    package let trainee: Trainee
    package let progress: ObjectiveProgress
    package let objectiveTitle: String?
    package let submittedAt: Date
}

extension Engine {
    /// What waits for a person: counts, activities to sign, objectives to approve.
    package var work: WorkDesk { WorkDesk(engine: self) }
}

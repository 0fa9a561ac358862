import Domain
import Foundation
import Storage

/// People in a tenant: a LIS registers and reads their record, who holds which role for them, and who has
/// seen their data. Reads by anyone but the LIS are access-logged in the transaction that reads.
package struct PeopleDesk: Sendable {
    let engine: Engine

    /// The logged-in person registers as a LIS of the tenant. The membership first: it is idempotent, so a
    /// failure after it leaves nothing inconsistent (the registry and the tenant are two files).
    package func registerTrainee(_ caller: TenantCaller, programme: Programme, email: String?) async throws -> Trainee {
        try await engine.registry.recordMembership(
            of: caller.principal, in: caller.tenant.id, as: .lis, email: email, at: engine.now())
        let trainee = try await engine.store.withDatabase(caller.tenant.id) { database in
            try await database.registerTrainee(
                principal: caller.principal, programme: programme, email: email, id: engine.newID(), at: engine.now())
        }
        engine.logger.info("trainee registered", metadata: ["tenant": "\(caller.tenant.id)", "trainee": "\(trainee.id)"])
        return trainee
    }

    /// The caller's own LIS record in the tenant. Found by the caller's own person key, so the caller is its
    /// LIS: the permission table is asked with that role alone, and a LIS's own read is not logged.
    package func myTraineeRecord(_ caller: TenantCaller) async throws -> Trainee {
        let trainee = try await engine.store.withDatabase(caller.tenant.id) { database in
            try database.trainee(personKey: caller.principal.personKey)
        }
        guard let trainee else { throw TraineeError.notRegistered }
        _ = try PermissionTable.authorize(.readRecord, holding: [.lis])
        return trainee
    }

    /// A LIS record, for those who may read it.
    package func trainee(_ caller: TenantCaller, id: UUID) async throws -> Trainee {
        try await engine.store.withDatabase(caller.tenant.id) { database in
            try await database.read(.readRecord, trainee: id, by: caller.principal, object: "trainee", at: engine.now()) {
                $0.trainee
            }
        }
    }

    /// The LIS and the people who hold a role for them now.
    package func roles(_ caller: TenantCaller, trainee: UUID) async throws -> (trainee: Trainee, holders: [RoleAssignment]) {
        try await engine.store.withDatabase(caller.tenant.id) { database in
            try await database.read(.readRoles, trainee: trainee, by: caller.principal, object: "roles", at: engine.now()) {
                ($0.trainee, $0.roles)
            }
        }
    }

    /// Who read or changed the LIS's data ("Hvem har sett mine data").
    package func accessLog(_ caller: TenantCaller, trainee: UUID) async throws -> [AccessLogEntry] {
        try await engine.store.withDatabase(caller.tenant.id) { database in
            try await database.read(
                .readAccessLog, trainee: trainee, by: caller.principal, object: "accessLog", at: engine.now()
            ) { try $0.accessLog() }
        }
    }

    /// The tenants the person belongs to, with their roles there.
    package func memberships(of principal: Principal) throws -> [(tenant: Tenant, roles: [Role])] {
        try engine.registry.memberships(of: principal.personKey)
    }
}

extension Engine {
    /// LIS records, role holders, invitations and the access log.
    package var people: PeopleDesk { PeopleDesk(engine: self) }
}

extension PeopleDesk {
    /// The kinds of e-mail notice the person has turned off.
    package func noticeOptOuts(of principal: Principal) throws -> Set<NoticeKind> {
        try engine.registry.noticeOptOuts(of: principal.personKey)
    }

    /// The person's own choice of notices: the kinds in `enabled` on, every other kind off.
    package func setNotices(enabled: Set<NoticeKind>, for principal: Principal) async throws {
        try await engine.registry.setNoticeOptOuts(Set(NoticeKind.allCases).subtracting(enabled), of: principal.personKey)
        engine.logger.info("notice settings changed", metadata: ["off": "\(NoticeKind.allCases.count - enabled.count)"])
    }
}

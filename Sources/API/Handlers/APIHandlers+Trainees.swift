import Domain
import Foundation
import OpenAPIRuntime

/// The LIS operations; each runs inside a gated, authenticated tenant scope.
extension APIHandlers {
    func registerTrainee(_ input: Operations.RegisterTrainee.Input) async throws -> Operations.RegisterTrainee.Output {
        let scope = try TenantScope.required()
        guard case .json(let body) = input.body else { throw RequestError.malformedBody("Expected application/json") }
        let programme = Programme(body.programme)
        // The membership first: it is idempotent, so a failure after it leaves nothing inconsistent.
        try await services.registry.recordMembership(
            of: scope.principal, in: scope.tenant.id, as: .lis, email: body.email, at: services.now())
        let trainee = try await services.tenantStore.withDatabase(scope.tenant.id) { database in
            try await database.registerTrainee(
                principal: scope.principal, programme: programme, email: body.email, id: services.newID(),
                at: services.now())
        }
        scope.logger.info("trainee registered", metadata: ["trainee": "\(trainee.id)"])
        return .created(.init(body: .json(.init(trainee, tenant: scope.tenant.id))))
    }

    func getMyTraineeRecord(_ input: Operations.GetMyTraineeRecord.Input) async throws
        -> Operations.GetMyTraineeRecord.Output
    {
        let scope = try TenantScope.required()
        let trainee = try await services.tenantStore.withDatabase(scope.tenant.id) { database in
            try database.trainee(personKey: scope.principal.personKey)
        }
        guard let trainee else { throw TraineeError.notRegistered }
        // The record was found by the caller's own person key, so the caller is its LIS: the permission
        // check needs no further read.
        _ = try PermissionTable.authorize(.readRecord, holding: [.lis])
        return .ok(.init(body: .json(.init(trainee, tenant: scope.tenant.id))))
    }

    func getTrainee(_ input: Operations.GetTrainee.Input) async throws -> Operations.GetTrainee.Output {
        let scope = try TenantScope.required()
        let id = try traineeID(input.path.traineeId)
        let trainee = try await services.tenantStore.withDatabase(scope.tenant.id) { database in
            try await access(.readRecord, trainee: id, scope: scope, database: database).trainee
        }
        return .ok(.init(body: .json(.init(trainee, tenant: scope.tenant.id))))
    }

    func getTraineeRoles(_ input: Operations.GetTraineeRoles.Input) async throws -> Operations.GetTraineeRoles.Output {
        let scope = try TenantScope.required()
        let id = try traineeID(input.path.traineeId)
        let holders = try await services.tenantStore.withDatabase(scope.tenant.id) { database in
            let trainee = try await access(.readRoles, trainee: id, object: "roles", scope: scope, database: database).trainee
            let lis = Components.Schemas.RoleHolder(role: .lis, name: trainee.name, since: trainee.registeredAt)
            return [lis] + (try database.roleAssignments(traineeID: id)).map(Components.Schemas.RoleHolder.init)
        }
        return .ok(.init(body: .json(.init(holders: holders))))
    }

    func getTraineeAccessLog(_ input: Operations.GetTraineeAccessLog.Input) async throws
        -> Operations.GetTraineeAccessLog.Output
    {
        let scope = try TenantScope.required()
        let id = try traineeID(input.path.traineeId)
        let entries = try await services.tenantStore.withDatabase(scope.tenant.id) { database in
            _ = try await access(.readAccessLog, trainee: id, object: "accessLog", scope: scope, database: database)
            return try database.accessLog(traineeID: id)
        }
        return .ok(.init(body: .json(.init(entries: entries.map(Components.Schemas.AccessLogEntry.init)))))
    }
}

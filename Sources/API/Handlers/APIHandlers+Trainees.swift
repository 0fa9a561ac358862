import Domain
import Engine
import Foundation
import OpenAPIRuntime

/// The LIS operations; each runs inside a gated, authenticated tenant scope.
extension APIHandlers {
    func registerTrainee(_ input: Operations.RegisterTrainee.Input) async throws -> Operations.RegisterTrainee.Output {
        let scope = try TenantScope.required()
        guard case .json(let body) = input.body else { throw RequestError.malformedBody("Expected application/json") }
        let trainee = try await services.engine.people.registerTrainee(
            scope.caller, programme: Programme(body.programme), email: body.email)
        return .created(.init(body: .json(.init(trainee, tenant: scope.tenant.id))))
    }

    func getMyTraineeRecord(_ input: Operations.GetMyTraineeRecord.Input) async throws
        -> Operations.GetMyTraineeRecord.Output
    {
        let scope = try TenantScope.required()
        let trainee = try await services.engine.people.myTraineeRecord(scope.caller)
        return .ok(.init(body: .json(.init(trainee, tenant: scope.tenant.id))))
    }

    func getTrainee(_ input: Operations.GetTrainee.Input) async throws -> Operations.GetTrainee.Output {
        let scope = try TenantScope.required()
        let trainee = try await services.engine.people.trainee(scope.caller, id: try traineeID(input.path.traineeId))
        return .ok(.init(body: .json(.init(trainee, tenant: scope.tenant.id))))
    }

    func getTraineeRoles(_ input: Operations.GetTraineeRoles.Input) async throws -> Operations.GetTraineeRoles.Output {
        let scope = try TenantScope.required()
        let (trainee, holders) = try await services.engine.people.roles(scope.caller, trainee: try traineeID(input.path.traineeId))
        let lis = Components.Schemas.RoleHolder(role: .lis, name: trainee.name, since: trainee.registeredAt)
        return .ok(.init(body: .json(.init(holders: [lis] + holders.map(Components.Schemas.RoleHolder.init)))))
    }

    func getTraineeAccessLog(_ input: Operations.GetTraineeAccessLog.Input) async throws
        -> Operations.GetTraineeAccessLog.Output
    {
        let scope = try TenantScope.required()
        let entries = try await services.engine.people.accessLog(scope.caller, trainee: try traineeID(input.path.traineeId))
        return .ok(.init(body: .json(.init(entries: entries.map(Components.Schemas.AccessLogEntry.init)))))
    }
}

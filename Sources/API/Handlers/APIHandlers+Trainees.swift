import Domain
import Foundation
import OpenAPIRuntime

/// The LIS operations; each runs inside a gated, authenticated tenant scope.
extension APIHandlers {
    func registerTrainee(_ input: Operations.RegisterTrainee.Input) async throws -> Operations.RegisterTrainee.Output {
        let scope = try TenantScope.required()
        guard case .json(let body) = input.body else { throw RequestError.malformedBody("Expected application/json") }
        let programme = Programme(body.programme)
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
        return .ok(.init(body: .json(.init(trainee, tenant: scope.tenant.id))))
    }

    func getTrainee(_ input: Operations.GetTrainee.Input) async throws -> Operations.GetTrainee.Output {
        let scope = try TenantScope.required()
        guard let id = UUID(uuidString: input.path.traineeId) else { throw RequestError.invalidParameter("traineeId") }
        let trainee = try await services.tenantStore.withDatabase(scope.tenant.id) { database in
            try database.trainee(id: id)
        }
        guard let trainee else { throw TraineeError.notFound(id) }
        guard trainee.readableBy(scope.principal) else { throw TraineeError.forbidden }
        return .ok(.init(body: .json(.init(trainee, tenant: scope.tenant.id))))
    }
}

import Domain
import Engine
import Foundation

/// Support's access to training data: only with a stated reason, for a limited time, and logged where
/// the tenant sees it.
extension APIHandlers {
    func openSupportAccess(_ input: Operations.OpenSupportAccess.Input) async throws
        -> Operations.OpenSupportAccess.Output
    {
        let scope = try SupportScope.required()
        guard case .json(let body) = input.body else { throw RequestError.malformedBody("Expected application/json") }
        let access = try await services.engine.support.openSupportAccess(
            by: scope.principal, tenant: input.path.tenantId, reason: body.reason, minutes: body.minutes)
        return .created(
            .init(
                body: .json(
                    .init(
                        id: access.id.lowercasedText, reason: access.reason, grantedAt: access.grantedAt,
                        expiresAt: access.expiresAt))))
    }

    func supportGetTrainee(_ input: Operations.SupportGetTrainee.Input) async throws
        -> Operations.SupportGetTrainee.Output
    {
        let scope = try SupportScope.required()
        let (tenant, trainee) = try await services.engine.support.trainee(
            by: scope.principal, tenant: input.path.tenantId, trainee: try traineeID(input.path.traineeId))
        return .ok(.init(body: .json(.init(trainee, tenant: tenant.id))))
    }
}

import Domain
import Foundation
import Storage

/// Support's access to training data: only with a stated reason, for a limited time, and logged where
/// the tenant sees it.
extension APIHandlers {
    func openSupportAccess(_ input: Operations.OpenSupportAccess.Input) async throws
        -> Operations.OpenSupportAccess.Output
    {
        let scope = try SupportScope.required()
        guard case .json(let body) = input.body else { throw RequestError.malformedBody("Expected application/json") }
        let tenant = try gatedTenant(input.path.tenantId)
        let access = try SupportAccess.open(
            for: scope.principal, reason: body.reason, minutes: body.minutes, id: services.newID(), at: services.now())
        try await services.tenantStore.withDatabase(tenant.id) { database in
            try await database.recordSupportAccess(access)
        }
        scope.logger.info("support access opened", metadata: ["tenant": "\(tenant.id)", "access": "\(access.id)"])
        return .created(
            .init(
                body: .json(
                    .init(
                        id: access.id.uuidString.lowercased(), reason: access.reason, grantedAt: access.grantedAt,
                        expiresAt: access.expiresAt))))
    }

    func supportGetTrainee(_ input: Operations.SupportGetTrainee.Input) async throws
        -> Operations.SupportGetTrainee.Output
    {
        let scope = try SupportScope.required()
        let tenant = try gatedTenant(input.path.tenantId)
        let id = try traineeID(input.path.traineeId)
        let now = services.now()
        let trainee = try await services.tenantStore.withDatabase(tenant.id) { database in
            guard let access = try database.openSupportAccess(for: scope.principal.personKey, at: now) else {
                throw AccessError.supportAccessRequired
            }
            guard let trainee = try database.trainee(id: id) else { throw TraineeError.notFound(id) }
            try await database.append(
                AccessLogEntry(
                    traineeID: id, actor: scope.principal.personKey, actorName: "Brukerstøtte (\(access.supportName))",
                    role: .support, operation: .readRecord, object: "trainee", reason: access.reason, at: now))
            return trainee
        }
        return .ok(.init(body: .json(.init(trainee, tenant: tenant.id))))
    }

    /// A tenant named in a support path, which the gate would let in (support works only in open tenants).
    func gatedTenant(_ raw: String) throws -> Tenant {
        let tenant = try services.registry.requireTenant(try TenantID(raw))
        if let refusal = tenant.gateRefusal(at: services.now()) { throw refusal }
        return tenant
    }
}

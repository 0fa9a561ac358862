import Domain
import Foundation
import OpenAPIRuntime

/// The support operations: tenant registration and lifecycle. Each change is recorded in the registry's
/// event log with the support person as actor.
extension APIHandlers {
    func listTenants(_ input: Operations.ListTenants.Input) async throws -> Operations.ListTenants.Output {
        _ = try SupportScope.required()
        let kommune = try input.query.kommunenummer.map { try services.registry.kommuner.validate($0).number }
        let tenants = try services.registry.tenants(
            status: input.query.status.map(TenantStatus.init), kind: input.query.kind.map(TenantKind.init),
            kommunenummer: kommune)
        return .ok(.init(body: .json(.init(tenants: tenants.map(Components.Schemas.Tenant.init)))))
    }

    func createVirksomhet(_ input: Operations.CreateVirksomhet.Input) async throws
        -> Operations.CreateVirksomhet.Output
    {
        let scope = try SupportScope.required()
        guard case .json(let body) = input.body else { throw RequestError.malformedBody("Expected application/json") }
        let id = try TenantID(body.id, field: "id")
        let number = try OrganisationNumber(body.organisationNumber)
        let tenant = try await services.registry.createVirksomhet(
            id: id, organisationNumber: number, name: body.name, actor: scope.actor, at: services.now())
        scope.logger.info("tenant created", metadata: ["tenant": "\(id)"])
        return .created(.init(body: .json(.init(tenant))))
    }

    func getTenant(_ input: Operations.GetTenant.Input) async throws -> Operations.GetTenant.Output {
        _ = try SupportScope.required()
        let tenant = try services.registry.requireTenant(try TenantID(input.path.tenantId))
        return .ok(.init(body: .json(.init(tenant))))
    }

    func provisionTenant(_ input: Operations.ProvisionTenant.Input) async throws -> Operations.ProvisionTenant.Output {
        let scope = try SupportScope.required()
        let id = try TenantID(input.path.tenantId)
        let tenant = try await services.provisioner.provision(id, actor: scope.actor, at: services.now())
        scope.logger.info("tenant provisioned", metadata: ["tenant": "\(id)"])
        return .ok(.init(body: .json(.init(tenant))))
    }

    func suspendTenant(_ input: Operations.SuspendTenant.Input) async throws -> Operations.SuspendTenant.Output {
        .ok(.init(body: .json(.init(try await transition(.suspend, input.path.tenantId)))))
    }

    func resumeTenant(_ input: Operations.ResumeTenant.Input) async throws -> Operations.ResumeTenant.Output {
        .ok(.init(body: .json(.init(try await transition(.resume, input.path.tenantId)))))
    }

    private func transition(_ transition: TenantTransition, _ rawID: String) async throws -> Tenant {
        let scope = try SupportScope.required()
        let id = try TenantID(rawID)
        let tenant = try await services.registry.apply(transition, to: id, actor: scope.actor, at: services.now())
        scope.logger.info("tenant \(transition.rawValue)", metadata: ["tenant": "\(id)", "status": "\(tenant.status)"])
        return tenant
    }
}

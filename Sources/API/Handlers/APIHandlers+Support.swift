import Domain
import Engine
import Foundation
import OpenAPIRuntime

/// The support operations: tenant registration and lifecycle. Each change is recorded in the registry's
/// event log with the support person as actor.
extension APIHandlers {
    func listTenants(_ input: Operations.ListTenants.Input) async throws -> Operations.ListTenants.Output {
        let scope = try SupportScope.required()
        let tenants = try services.engine.support.tenants(
            status: input.query.status.map(TenantStatus.init), kind: input.query.kind.map(TenantKind.init),
            kommunenummer: input.query.kommunenummer, by: scope.caller)
        return .ok(.init(body: .json(.init(tenants: tenants.map(Components.Schemas.Tenant.init)))))
    }

    func createVirksomhet(_ input: Operations.CreateVirksomhet.Input) async throws
        -> Operations.CreateVirksomhet.Output
    {
        let scope = try SupportScope.required()
        guard case .json(let body) = input.body else { throw RequestError.malformedBody("Expected application/json") }
        let tenant = try await services.engine.support.createVirksomhet(
            id: body.id, organisationNumber: body.organisationNumber, name: body.name, by: scope.caller)
        return .created(.init(body: .json(.init(tenant))))
    }

    func getTenant(_ input: Operations.GetTenant.Input) async throws -> Operations.GetTenant.Output {
        let scope = try SupportScope.required()
        return .ok(.init(body: .json(.init(try services.engine.support.tenant(input.path.tenantId, by: scope.caller)))))
    }

    func provisionTenant(_ input: Operations.ProvisionTenant.Input) async throws -> Operations.ProvisionTenant.Output {
        let scope = try SupportScope.required()
        let tenant = try await services.engine.support.provision(input.path.tenantId, by: scope.caller)
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
        return try await services.engine.support.apply(transition, to: rawID, by: scope.caller)
    }
}

import Domain
import Engine
import Foundation
import Identity
import OpenAPIRuntime
import Storage

/// A private virksomhet registers itself; support decides.
extension APIHandlers {
    func submitRegistration(_ input: Operations.SubmitRegistration.Input) async throws
        -> Operations.SubmitRegistration.Output
    {
        let scope = try PersonScope.required()
        guard case .json(let body) = input.body else { throw RequestError.malformedBody("Expected application/json") }
        let now = services.now()
        let registration = try Registration.submit(
            organisationNumber: body.organisationNumber, name: body.name, contactEmail: body.contactEmail,
            programmes: body.programmes, by: scope.principal, id: services.newID(), at: now)
        try await services.registry.submitRegistration(registration, at: now)
        scope.logger.info("registration submitted", metadata: ["registration": "\(registration.id)"])
        return .created(.init(body: .json(.init(registration))))
    }

    func listMyRegistrations(_ input: Operations.ListMyRegistrations.Input) async throws
        -> Operations.ListMyRegistrations.Output
    {
        let scope = try PersonScope.required()
        let registrations = try services.registry.registrations(by: scope.principal.personKey)
        return .ok(.init(body: .json(.init(registrations: registrations.map { .init($0) }))))
    }

    func acceptAdministratorInvitation(_ input: Operations.AcceptAdministratorInvitation.Input) async throws
        -> Operations.AcceptAdministratorInvitation.Output
    {
        let scope = try PersonScope.required()
        guard case .json(let body) = input.body else { throw RequestError.malformedBody("Expected application/json") }
        let tenantID = try TenantID(body.tenantId, field: "tenantId")
        let tenant = try await services.registry.acceptAdministratorInvitation(
            tenant: tenantID, tokenHash: OneTimeSecret.hash(body.token), by: scope.principal, at: services.now())
        scope.logger.info("administrator invitation accepted", metadata: ["tenant": "\(tenantID)"])
        return .ok(.init(body: .json(.init(tenant))))
    }

    func listRegistrations(_ input: Operations.ListRegistrations.Input) async throws -> Operations.ListRegistrations.Output {
        _ = try SupportScope.required()
        let state = input.query.state.flatMap { Registration.State(rawValue: $0.rawValue) }
        return .ok(.init(body: .json(.init(registrations: try services.registry.registrations(state: state).map { .init($0) }))))
    }

    func approveRegistration(_ input: Operations.ApproveRegistration.Input) async throws
        -> Operations.ApproveRegistration.Output
    {
        let scope = try SupportScope.required()
        let id = try registrationID(input.path.registrationId)
        let (registration, tenant) = try await services.engine.agreements.approveRegistration(id, actor: scope.actor)
        scope.logger.info("registration approved", metadata: ["tenant": "\(tenant.id)"])
        return .ok(.init(body: .json(.init(registration))))
    }

    func rejectRegistration(_ input: Operations.RejectRegistration.Input) async throws
        -> Operations.RejectRegistration.Output
    {
        let scope = try SupportScope.required()
        guard case .json(let body) = input.body else { throw RequestError.malformedBody("Expected application/json") }
        let id = try registrationID(input.path.registrationId)
        let registration = try await services.engine.agreements.rejectRegistration(
            id, reason: body.reason, actor: scope.actor)
        return .ok(.init(body: .json(.init(registration))))
    }

    private func registrationID(_ raw: String) throws -> UUID { try uuid(raw, "registrationId") }
}

extension Components.Schemas.Registration {
    init(_ registration: Registration) {
        self.init(
            id: registration.id.uuidString.lowercased(), organisationNumber: registration.organisationNumber.rawValue,
            name: registration.name, contactEmail: registration.contactEmail,
            programmes: registration.programmes.map(\.rawValue), state: .init(rawValue: registration.state.rawValue) ?? .pending,
            createdAt: registration.createdAt, decidedAt: registration.decidedAt, reason: registration.reason,
            tenantId: registration.tenantID?.rawValue)
    }
}

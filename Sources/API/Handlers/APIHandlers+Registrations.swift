import Domain
import Engine
import Foundation
import OpenAPIRuntime

/// A private virksomhet registers itself; support decides.
extension APIHandlers {
    func submitRegistration(_ input: Operations.SubmitRegistration.Input) async throws
        -> Operations.SubmitRegistration.Output
    {
        let scope = try PersonScope.required()
        guard case .json(let body) = input.body else { throw RequestError.malformedBody("Expected application/json") }
        let registration = try await services.engine.onboarding.submitRegistration(
            by: scope.principal, organisationNumber: body.organisationNumber, name: body.name,
            contactEmail: body.contactEmail, programmes: body.programmes)
        return .created(.init(body: .json(.init(registration))))
    }

    func listMyRegistrations(_ input: Operations.ListMyRegistrations.Input) async throws
        -> Operations.ListMyRegistrations.Output
    {
        let scope = try PersonScope.required()
        let registrations = try services.engine.onboarding.registrations(of: scope.principal)
        return .ok(.init(body: .json(.init(registrations: registrations.map { .init($0) }))))
    }

    func acceptAdministratorInvitation(_ input: Operations.AcceptAdministratorInvitation.Input) async throws
        -> Operations.AcceptAdministratorInvitation.Output
    {
        let scope = try PersonScope.required()
        guard case .json(let body) = input.body else { throw RequestError.malformedBody("Expected application/json") }
        let tenant = try await services.engine.onboarding.acceptAdministratorInvitation(
            by: scope.principal, tenant: body.tenantId, token: body.token)
        return .ok(.init(body: .json(.init(tenant))))
    }

    func listRegistrations(_ input: Operations.ListRegistrations.Input) async throws -> Operations.ListRegistrations.Output {
        let scope = try SupportScope.required()
        let state = input.query.state.flatMap { Registration.State(rawValue: $0.rawValue) }
        let registrations = try services.engine.agreements.registrations(state: state, by: scope.caller)
        return .ok(.init(body: .json(.init(registrations: registrations.map { .init($0) }))))
    }

    func approveRegistration(_ input: Operations.ApproveRegistration.Input) async throws
        -> Operations.ApproveRegistration.Output
    {
        let scope = try SupportScope.required()
        let id = try registrationID(input.path.registrationId)
        let (registration, tenant) = try await services.engine.agreements.approveRegistration(id, by: scope.caller)
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
            id, reason: body.reason, by: scope.caller)
        return .ok(.init(body: .json(.init(registration))))
    }

    private func registrationID(_ raw: String) throws -> UUID { try uuid(raw, "registrationId") }
}

extension Components.Schemas.Registration {
    init(_ registration: Registration) {
        self.init(
            id: registration.id.lowercasedText, organisationNumber: registration.organisationNumber.rawValue,
            name: registration.name, contactEmail: registration.contactEmail,
            programmes: registration.programmes.map(\.rawValue), state: .init(rawValue: registration.state.rawValue) ?? .pending,
            createdAt: registration.createdAt, decidedAt: registration.decidedAt, reason: registration.reason,
            tenantId: registration.tenantID?.rawValue)
    }
}

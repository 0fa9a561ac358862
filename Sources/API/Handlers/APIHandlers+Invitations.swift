import Domain
import Engine
import Foundation

/// Invitations: a LIS (or support) invites a person to a role; the person accepts with the e-mailed token.
extension APIHandlers {
    func inviteToRole(_ input: Operations.InviteToRole.Input) async throws -> Operations.InviteToRole.Output {
        let scope = try TenantScope.required()
        let id = try traineeID(input.path.traineeId)
        guard case .json(let body) = input.body else { throw RequestError.malformedBody("Expected application/json") }
        let invitation = try await services.engine.people.invite(
            scope.caller, trainee: id, role: Role(body.role), email: body.email,
            replacesHolder: body.replacesHolder ?? false)
        return .created(.init(body: .json(.init(invitation, now: services.now()))))
    }

    func supportInviteToRole(_ input: Operations.SupportInviteToRole.Input) async throws
        -> Operations.SupportInviteToRole.Output
    {
        let scope = try SupportScope.required()
        guard case .json(let body) = input.body else { throw RequestError.malformedBody("Expected application/json") }
        let request = body.value1
        let invitation = try await services.engine.people.supportInvite(
            by: scope.principal, tenant: input.path.tenantId, trainee: try traineeID(input.path.traineeId),
            role: Role(request.role), email: request.email, replacesHolder: request.replacesHolder ?? false,
            reason: body.value2.reason)
        return .created(.init(body: .json(.init(invitation, now: services.now()))))
    }

    func listInvitations(_ input: Operations.ListInvitations.Input) async throws -> Operations.ListInvitations.Output {
        let scope = try TenantScope.required()
        let invitations = try await services.engine.people.invitations(
            scope.caller, trainee: try traineeID(input.path.traineeId))
        let now = services.now()
        return .ok(.init(body: .json(.init(invitations: invitations.map { .init($0, now: now) }))))
    }

    func revokeInvitation(_ input: Operations.RevokeInvitation.Input) async throws -> Operations.RevokeInvitation.Output {
        let scope = try TenantScope.required()
        let id = try traineeID(input.path.traineeId)
        let invitation = try await services.engine.people.revokeInvitation(
            scope.caller, trainee: id, invitation: try uuid(input.path.invitationId, "invitationId"))
        return .ok(.init(body: .json(.init(invitation, now: services.now()))))
    }

    func acceptInvitation(_ input: Operations.AcceptInvitation.Input) async throws -> Operations.AcceptInvitation.Output {
        let scope = try TenantScope.required()
        guard case .json(let body) = input.body else { throw RequestError.malformedBody("Expected application/json") }
        let outcome = try await services.engine.people.acceptInvitation(scope.caller, token: body.token)
        return .ok(
            .init(
                body: .json(
                    .init(
                        tenantId: scope.tenant.id.rawValue, traineeId: outcome.granted.traineeID.lowercasedText,
                        role: .init(outcome.granted.role), replaced: outcome.ended?.personName))))
    }
}

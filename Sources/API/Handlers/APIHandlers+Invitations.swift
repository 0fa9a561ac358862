import Domain
import Foundation
import Identity
import Storage

/// Invitations: a LIS (or support) invites a person to a role; the person accepts with the e-mailed token.
extension APIHandlers {
    func inviteToRole(_ input: Operations.InviteToRole.Input) async throws -> Operations.InviteToRole.Output {
        let scope = try TenantScope.required()
        let id = try traineeID(input.path.traineeId)
        guard case .json(let body) = input.body else { throw RequestError.malformedBody("Expected application/json") }
        let replaces = body.replacesHolder ?? false
        let invitation = try await services.tenantStore.withDatabase(scope.tenant.id) { database in
            let (_, role) = try authorize(replaces ? .replaceRole : .inviteRole, trainee: id, scope: scope, database: database)
            let actor = AccessActor(key: scope.principal.personKey, name: scope.principal.name, role: role)
            return try await invite(
                body.role, body.email, replaces: replaces, trainee: id, tenant: scope.tenant, actor: actor,
                invitedBy: "person:\(scope.principal.personKey)", database: database)
        }
        return .created(.init(body: .json(.init(invitation, now: services.now()))))
    }

    func supportInviteToRole(_ input: Operations.SupportInviteToRole.Input) async throws
        -> Operations.SupportInviteToRole.Output
    {
        let scope = try SupportScope.required()
        guard case .json(let body) = input.body else { throw RequestError.malformedBody("Expected application/json") }
        let reason = body.value2.reason.trimmingWhitespace()
        guard !reason.isEmpty else { throw ValidationError(field: "reason", reason: .missing) }
        let tenant = try gatedTenant(input.path.tenantId)
        let id = try traineeID(input.path.traineeId)
        let request = body.value1
        let actor = AccessActor(
            key: scope.principal.personKey, name: "Brukerstøtte (\(scope.principal.name))", role: .support, reason: reason)
        let invitation = try await services.tenantStore.withDatabase(tenant.id) { database in
            try await invite(
                request.role, request.email, replaces: request.replacesHolder ?? false, trainee: id, tenant: tenant,
                actor: actor, invitedBy: scope.actor, database: database)
        }
        scope.logger.info("support invited", metadata: ["tenant": "\(tenant.id)", "invitation": "\(invitation.id)"])
        return .created(.init(body: .json(.init(invitation, now: services.now()))))
    }

    func listInvitations(_ input: Operations.ListInvitations.Input) async throws -> Operations.ListInvitations.Output {
        let scope = try TenantScope.required()
        let id = try traineeID(input.path.traineeId)
        let invitations = try await services.tenantStore.withDatabase(scope.tenant.id) { database in
            _ = try await access(.inviteRole, trainee: id, object: "invitations", scope: scope, database: database)
            return try database.invitations(traineeID: id)
        }
        let now = services.now()
        return .ok(.init(body: .json(.init(invitations: invitations.map { .init($0, now: now) }))))
    }

    func revokeInvitation(_ input: Operations.RevokeInvitation.Input) async throws -> Operations.RevokeInvitation.Output {
        let scope = try TenantScope.required()
        let id = try traineeID(input.path.traineeId)
        guard let invitationID = UUID(uuidString: input.path.invitationId) else {
            throw RequestError.invalidParameter("invitationId")
        }
        let invitation = try await services.tenantStore.withDatabase(scope.tenant.id) { database in
            let (_, role) = try authorize(.inviteRole, trainee: id, scope: scope, database: database)
            let actor = AccessActor(key: scope.principal.personKey, name: scope.principal.name, role: role)
            return try await database.revokeInvitation(id: invitationID, traineeID: id, actor: actor, at: services.now())
        }
        return .ok(.init(body: .json(.init(invitation, now: services.now()))))
    }

    func acceptInvitation(_ input: Operations.AcceptInvitation.Input) async throws -> Operations.AcceptInvitation.Output {
        let scope = try TenantScope.required()
        guard case .json(let body) = input.body else { throw RequestError.malformedBody("Expected application/json") }
        let token = body.token.trimmingWhitespace()
        guard !token.isEmpty else { throw ValidationError(field: "token", reason: .missing) }
        let plansInForce = try services.registry.plansInForce(on: CalendarDate.latestBegun(at: services.now()))
        let outcome = try await services.tenantStore.withDatabase(scope.tenant.id) { database in
            let outcome = try await database.acceptInvitation(
                tokenHash: OneTimeSecret.hash(token), by: scope.principal, assignmentID: services.newID(),
                at: services.now())
            // A LIS1 in a kommune gets the LIS1 plan as soon as their leder is in place.
            if outcome.granted.role == .leder {
                _ = try await database.ensureAutomaticPlans(
                    traineeID: outcome.granted.traineeID, plansInForce: plansInForce, tenantKind: scope.tenant.kind,
                    newID: services.newID, at: services.now())
            }
            return outcome
        }
        try await services.registry.recordMembership(
            of: scope.principal, in: scope.tenant.id, as: outcome.granted.role, email: outcome.invitation.email,
            at: services.now())
        scope.logger.info("invitation accepted", metadata: ["invitation": "\(outcome.invitation.id)"])
        return .ok(
            .init(
                body: .json(
                    .init(
                        tenantId: scope.tenant.id.rawValue, traineeId: outcome.granted.traineeID.uuidString.lowercased(),
                        role: .init(outcome.granted.role), replaced: outcome.ended?.personName))))
    }

    /// Creates the invitation with its token and queued e-mail.
    private func invite(
        _ role: Components.Schemas.Role, _ email: String, replaces: Bool, trainee: UUID, tenant: Tenant,
        actor: AccessActor, invitedBy: String, database: TenantDatabase
    ) async throws -> Invitation {
        let token = OneTimeSecret.random()
        let hash = OneTimeSecret.hash(token)
        let baseURL = services.configuration.http.publicBaseURL
        let mailID = services.newID()
        defer { services.mailer.notify(tenant.id) }
        return try await database.createInvitation(
            role: Role(role), email: email, traineeID: trainee, replacesHolder: replaces, invitedBy: invitedBy,
            actor: actor, id: services.newID(), tokenHash: hash, at: services.now()
        ) { invitation, trainee in
            InvitationMail.compose(invitation, trainee: trainee, tenant: tenant, token: token, baseURL: baseURL, id: mailID)
        }
    }
}

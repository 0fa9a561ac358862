import Domain
import Foundation
import Identity
import Storage

/// Invitations: a LIS (or support, for an external person) invites someone to a role by e-mail; the person
/// accepts with the token from the link. The invitation, its e-mail and the access-log line are written in
/// one transaction.
extension PeopleDesk {
    /// The LIS invites a leder, veileder or supervisor; `replacesHolder` hands a leder's or veileder's role
    /// to the invited person when they accept.
    package func invite(_ caller: TenantCaller, trainee: UUID, role: Role, email: String, replacesHolder: Bool)
        async throws -> Invitation
    {
        let token = OneTimeSecret.random()
        let (baseURL, mailID, tenant) = (engine.publicBaseURL, engine.newID(), caller.tenant)
        let invitation = try await engine.store.withDatabase(caller.tenant.id) { database in
            try await database.createInvitation(
                role: role, email: email, traineeID: trainee, replacesHolder: replacesHolder, by: caller.principal,
                id: engine.newID(), tokenHash: OneTimeSecret.hash(token), at: engine.now()
            ) { invitation, trainee in
                InvitationMail.compose(invitation, trainee: trainee, tenant: tenant, token: token, baseURL: baseURL, id: mailID)
            }
        }
        engine.mail.tenant(caller.tenant.id)
        return invitation
    }

    /// Support invites an external person on a LIS's behalf; the reason is shown in the LIS's access log.
    package func supportInvite(
        by support: Principal, tenant rawTenant: String, trainee: UUID, role: Role, email: String, replacesHolder: Bool,
        reason rawReason: String
    ) async throws -> Invitation {
        let reason = rawReason.trimmingWhitespace()
        guard !reason.isEmpty else { throw ValidationError(field: "reason", reason: .missing) }
        let tenant = try engine.openTenant(rawTenant)
        let actor = AccessActor(
            key: support.personKey, name: "Brukerstøtte (\(support.name))", role: .support, reason: reason)
        let token = OneTimeSecret.random()
        let (baseURL, mailID) = (engine.publicBaseURL, engine.newID())
        let invitation = try await engine.store.withDatabase(tenant.id) { database in
            try await database.createInvitation(
                role: role, email: email, traineeID: trainee, replacesHolder: replacesHolder,
                invitedBy: "support:\(support.subject)", actor: actor, id: engine.newID(),
                tokenHash: OneTimeSecret.hash(token), at: engine.now()
            ) { invitation, trainee in
                InvitationMail.compose(invitation, trainee: trainee, tenant: tenant, token: token, baseURL: baseURL, id: mailID)
            }
        }
        engine.mail.tenant(tenant.id)
        engine.logger.info("support invited", metadata: ["tenant": "\(tenant.id)", "invitation": "\(invitation.id)"])
        return invitation
    }

    /// The invitations sent for the LIS, newest first.
    package func invitations(_ caller: TenantCaller, trainee: UUID) async throws -> [Invitation] {
        try await engine.store.withDatabase(caller.tenant.id) { database in
            try await database.read(
                .inviteRole, trainee: trainee, by: caller.principal, object: "invitations", at: engine.now()
            ) { try $0.invitations() }
        }
    }

    /// The LIS revokes a pending invitation.
    package func revokeInvitation(_ caller: TenantCaller, trainee: UUID, invitation: UUID) async throws -> Invitation {
        try await engine.store.withDatabase(caller.tenant.id) { database in
            try await database.revokeInvitation(id: invitation, traineeID: trainee, by: caller.principal, at: engine.now())
        }
    }

    /// The person the link was sent to accepts it, logged in. A LIS1 in a kommune gets the LIS1 plan in the
    /// same transaction as their leder's role; the membership in the registry follows.
    package func acceptInvitation(_ caller: TenantCaller, token rawToken: String) async throws
        -> (invitation: Invitation, granted: RoleAssignment, ended: RoleAssignment?)
    {
        let token = rawToken.trimmingWhitespace()
        guard !token.isEmpty else { throw ValidationError(field: "token", reason: .missing) }
        let now = engine.now()
        let plans = TenantDatabase.AutomaticPlans(
            plansInForce: try engine.registry.plansInForce(on: CalendarDate.latestBegun(at: now)),
            tenantKind: caller.tenant.kind, newID: engine.newID)
        let outcome = try await engine.store.withDatabase(caller.tenant.id) { database in
            try await database.acceptInvitation(
                tokenHash: OneTimeSecret.hash(token), by: caller.principal, assignmentID: engine.newID(), at: now,
                plans: plans)
        }
        try await engine.registry.recordMembership(
            of: caller.principal, in: caller.tenant.id, as: outcome.granted.role, email: outcome.invitation.email, at: now)
        engine.logger.info(
            "invitation accepted", metadata: ["tenant": "\(caller.tenant.id)", "invitation": "\(outcome.invitation.id)"])
        return outcome
    }
}

extension PeopleDesk {
    /// Sends a pending invitation again with a new link (the old link stops working): for an e-mail that
    /// was lost or expired unread. The same role, address and replacement as the first.
    package func resendInvitation(_ caller: TenantCaller, trainee: UUID, invitation id: UUID) async throws -> Invitation {
        guard let existing = try await invitations(caller, trainee: trainee).first(where: { $0.id == id }) else {
            throw InvitationError.unknown
        }
        _ = try await revokeInvitation(caller, trainee: trainee, invitation: id)
        return try await invite(
            caller, trainee: trainee, role: existing.role, email: existing.email, replacesHolder: existing.replacesHolder)
    }
}

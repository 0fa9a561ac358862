import Domain
import Foundation
import Identity
import Storage

/// What a role invitation's e-mail link leads to: the invitation read without accepting it, and its
/// acceptance by the logged-in person, for the page behind the link.
extension PeopleDesk {
    /// The invitation the link names, the LIS it is for and the tenant, for the page that asks the person to
    /// accept. A tenant that does not exist, or a token of another tenant, is `InvitationError.unknown`, so
    /// the answer says nothing about which tenants exist; a tenant the gate keeps closed says why.
    package func roleInvitation(tenant rawTenant: String, token rawToken: String) async throws -> RoleInvitationLink {
        let (tenant, tokenHash) = try linkTarget(tenant: rawTenant, token: rawToken)
        let found = try await engine.store.withDatabase(tenant.id) { database in
            try database.invitationForLink(tokenHash: tokenHash)
        }
        try found.invitation.requireOpen(at: engine.now())
        return RoleInvitationLink(invitation: found.invitation, traineeName: found.trainee.name, tenant: tenant)
    }

    /// The logged-in person accepts the link's invitation: the same operation as the API's accept, in the
    /// tenant the link names, once the gate lets it in.
    package func acceptRoleInvitation(by principal: Principal, tenant rawTenant: String, token: String) async throws
        -> (tenant: Tenant, granted: RoleAssignment)
    {
        let (tenant, _) = try linkTarget(tenant: rawTenant, token: token)
        let outcome = try await acceptInvitation(TenantCaller(tenant: tenant, principal: principal), token: token)
        return (tenant, outcome.granted)
    }

    private func linkTarget(tenant rawTenant: String, token rawToken: String) throws -> (Tenant, String) {
        let token = rawToken.trimmingWhitespace()
        guard !token.isEmpty, let id = try? TenantID(rawTenant, field: "tenant"),
            let tenant = try engine.registry.tenant(id)
        else { throw InvitationError.unknown }
        if let refusal = tenant.gateRefusal(at: engine.now()) { throw refusal }
        return (tenant, OneTimeSecret.hash(token))
    }
}

/// A role invitation as its link's page shows it: who (the LIS) invites the address to which role, where.
package struct RoleInvitationLink: Sendable {
    package let invitation: Invitation
    package let traineeName: String
    package let tenant: Tenant

    /// Support sent it on the LIS's behalf (an external person).
    package var sentBySupport: Bool { invitation.invitedBy.hasPrefix("support:") }
}

import Domain
import Foundation
import Identity

/// What the signer's pages ask before and besides the agreement operations: the invitation an e-mail link
/// names, the tenants the person administers, and one of them as the caller of `OnboardingDesk`.
extension OnboardingDesk {
    /// The invitation a signer's link names and its tenant, read without changing anything, so the page can
    /// say who invites whom to what before the person logs in. A used, revoked or expired invitation throws
    /// its reason; an unknown token, or one of another tenant, is `InvitationError.unknown`.
    package func administratorInvitation(tenant rawTenant: String, token: String) throws
        -> (invitation: AdministratorInvitation, tenant: Tenant)
    {
        let id = try TenantID(rawTenant, field: "tenant")
        let found = try engine.registry.administratorInvitation(tenant: id, tokenHash: OneTimeSecret.hash(token))
        try found.invitation.requireOpen(at: engine.now())
        return found
    }

    /// The tenants the person is administrator of (the signer's own list).
    package func administeredTenants(of principal: Principal) throws -> [Tenant] {
        try engine.registry.memberships(of: principal.personKey)
            .filter { $0.roles.contains(.tenantAdministrator) }
            .map(\.tenant)
    }

    /// One tenant the person administers, as the caller of the agreement operations. A tenant they do not
    /// administer is reported exactly as one that does not exist, so that nobody learns from the answer
    /// which tenants exist or who signs for them.
    package func administeredTenant(_ rawTenant: String, by principal: Principal) throws -> AdministratorCaller {
        let id = try TenantID(rawTenant, field: "tenantId")
        guard let tenant = try engine.registry.tenant(id),
            try engine.registry.isAdministrator(principal.personKey, of: id)
        else { throw TenantError.unknown(id) }
        return AdministratorCaller(tenant: tenant, principal: principal)
    }
}

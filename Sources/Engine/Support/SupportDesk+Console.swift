import Domain
import Foundation

/// The support operations on training data as the console calls them: with the `PlatformCaller` every
/// console action is made with, so the pages never hold a `Principal` they could pass unchecked. They act
/// in the support person's own name (an operator at the shell has none and is refused).
extension SupportDesk {
    /// Opens time-limited, reasoned access to the tenant's training data (see `openSupportAccess(by:…)`).
    package func openSupportAccess(tenant rawTenant: String, reason: String, minutes: Int, by caller: PlatformCaller)
        async throws -> SupportAccess
    {
        try await openSupportAccess(by: try caller.requirePerson(), tenant: rawTenant, reason: reason, minutes: minutes)
    }

    /// Reads a LIS record under open support access; the LIS's access log shows the reason.
    package func trainee(tenant rawTenant: String, trainee id: UUID, by caller: PlatformCaller) async throws
        -> (tenant: Tenant, trainee: Trainee)
    {
        try await trainee(by: try caller.requirePerson(), tenant: rawTenant, trainee: id)
    }
}

extension PeopleDesk {
    /// Support invites an external person for a LIS, with a reason the LIS's access log shows.
    package func supportInvite(
        tenant rawTenant: String, trainee: UUID, role: Role, email: String, replacesHolder: Bool, reason: String,
        by caller: PlatformCaller
    ) async throws -> Invitation {
        try await supportInvite(
            by: try caller.requirePerson(), tenant: rawTenant, trainee: trainee, role: role, email: email,
            replacesHolder: replacesHolder, reason: reason)
    }
}

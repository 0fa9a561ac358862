import struct Foundation.Date
import struct Foundation.TimeInterval
import struct Foundation.UUID

/// Support names the person who may sign for a tenant (the tenant administrator), by an e-mail with a
/// single-use link; accepting it while logged in makes them the tenant's administrator.
///
/// Only the hash of the token is stored.
package struct AdministratorInvitation: Sendable, Equatable {
    package let id: UUID
    package let tenantID: TenantID
    package let name: String
    package let email: String
    package let tokenHash: String
    package let invitedBy: String
    package let createdAt: Date
    package let expiresAt: Date
    package var state: Invitation.State
    package var acceptedBy: PersonKey?
    package var decidedAt: Date?

    package static let lifetime: TimeInterval = 14 * 24 * 3600

    package init(
        id: UUID, tenantID: TenantID, name: String, email: String, tokenHash: String, invitedBy: String,
        createdAt: Date, expiresAt: Date, state: Invitation.State, acceptedBy: PersonKey?, decidedAt: Date?
    ) {
        self.id = id
        self.tenantID = tenantID
        self.name = name
        self.email = email
        self.tokenHash = tokenHash
        self.invitedBy = invitedBy
        self.createdAt = createdAt
        self.expiresAt = expiresAt
        self.state = state
        self.acceptedBy = acceptedBy
        self.decidedAt = decidedAt
    }

    package static func create(
        tenant: Tenant, name rawName: String, email rawEmail: String, invitedBy: String, tokenHash: String, id: UUID,
        at now: Date
    ) throws(ValidationError) -> AdministratorInvitation {
        let name = try Tenant.validName(rawName, field: "name")
        let email = try Trainee.validEmail(rawEmail)
        return AdministratorInvitation(
            id: id, tenantID: tenant.id, name: name, email: email, tokenHash: tokenHash, invitedBy: invitedBy,
            createdAt: now, expiresAt: now.addingTimeInterval(lifetime), state: .pending, acceptedBy: nil,
            decidedAt: nil)
    }

    package func accept(by person: Principal, at now: Date) throws(InvitationError) -> AdministratorInvitation {
        try requireOpen(at: now)
        var copy = self
        copy.state = .accepted
        copy.acceptedBy = person.personKey
        copy.decidedAt = now
        return copy
    }

    /// Refuses an invitation that can no longer be accepted (used, revoked, expired): what a page says
    /// before it asks the person to log in, and what `accept` checks.
    package func requireOpen(at now: Date) throws(InvitationError) {
        switch state {
        case .accepted: throw .alreadyUsed
        case .revoked: throw .revoked
        case .pending: break
        }
        guard now < expiresAt else { throw .expired(at: expiresAt) }
    }
}

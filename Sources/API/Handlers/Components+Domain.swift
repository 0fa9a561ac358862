import Domain
import Foundation

/// Conversions between the generated API types and the domain's; the only place they meet.
extension Components.Schemas.Tenant {
    init(_ tenant: Tenant) {
        self.init(
            id: tenant.id.rawValue, kind: .init(tenant.kind), name: tenant.name, partyName: tenant.partyName,
            organisationNumber: tenant.organisationNumber?.rawValue, kommunenummer: tenant.kommunenummer?.rawValue,
            status: .init(tenant.status), provisioned: tenant.isProvisioned, createdAt: tenant.createdAt,
            updatedAt: tenant.updatedAt)
    }
}

extension Components.Schemas.TenantKind {
    init(_ kind: TenantKind) {
        switch kind {
        case .kommune: self = .kommune
        case .virksomhet: self = .virksomhet
        }
    }
}

extension TenantKind {
    init(_ kind: Components.Schemas.TenantKind) {
        switch kind {
        case .kommune: self = .kommune
        case .virksomhet: self = .virksomhet
        }
    }
}

extension Components.Schemas.TenantStatus {
    init(_ status: TenantStatus) {
        switch status {
        case .registered: self = .registered
        case .agreementPending: self = .agreementPending
        case .active: self = .active
        case .suspended: self = .suspended
        case .terminated: self = .terminated
        }
    }
}

extension TenantStatus {
    init(_ status: Components.Schemas.TenantStatus) {
        switch status {
        case .registered: self = .registered
        case .agreementPending: self = .agreementPending
        case .active: self = .active
        case .suspended: self = .suspended
        case .terminated: self = .terminated
        }
    }
}

extension Components.Schemas.Trainee {
    init(_ trainee: Trainee, tenant: TenantID) {
        self.init(
            id: trainee.id.lowercasedText, tenantId: tenant.rawValue, name: trainee.name,
            hprNumber: trainee.hprNumber, programme: .init(trainee.programme), email: trainee.email,
            registeredAt: trainee.registeredAt)
    }
}

extension Components.Schemas.Programme {
    init(_ programme: Programme) {
        switch programme {
        case .lis1: self = .lis1
        case .alis: self = .alis
        case .samfunnsmedisin: self = .samfunnsmedisin
        case .arbeidsmedisin: self = .arbeidsmedisin
        }
    }
}

extension Programme {
    init(_ programme: Components.Schemas.Programme) {
        switch programme {
        case .lis1: self = .lis1
        case .alis: self = .alis
        case .samfunnsmedisin: self = .samfunnsmedisin
        case .arbeidsmedisin: self = .arbeidsmedisin
        }
    }
}

extension Components.Schemas.Role {
    init(_ role: Role) {
        switch role {
        case .lis: self = .lis
        case .leder: self = .leder
        case .veileder: self = .veileder
        case .supervisor: self = .supervisor
        case .tenantAdministrator: self = .tenantAdministrator
        case .support: self = .support
        }
    }
}

extension Components.Schemas.RoleHolder {
    init(_ assignment: RoleAssignment) {
        self.init(
            assignmentId: assignment.id.lowercasedText, role: .init(assignment.role), name: assignment.personName,
            since: assignment.grantedAt)
    }
}

extension Components.Schemas.AccessLogEntry {
    init(_ entry: Domain.AccessLogEntry) {
        self.init(
            at: entry.at, name: entry.actorName, role: .init(entry.role), operation: entry.operation.rawValue,
            object: entry.object, reason: entry.reason)
    }
}

extension Role {
    init(_ role: Components.Schemas.Role) {
        switch role {
        case .lis: self = .lis
        case .leder: self = .leder
        case .veileder: self = .veileder
        case .supervisor: self = .supervisor
        case .tenantAdministrator: self = .tenantAdministrator
        case .support: self = .support
        }
    }
}

extension Components.Schemas.Invitation {
    /// A pending invitation past its expiry shows as `expired`.
    init(_ invitation: Invitation, now: Date) {
        let state: StatePayload =
            switch invitation.state {
            case .accepted: .accepted
            case .revoked: .revoked
            case .pending: now < invitation.expiresAt ? .pending : .expired
            }
        self.init(
            id: invitation.id.lowercasedText, traineeId: invitation.traineeID.lowercasedText,
            role: .init(invitation.role), email: invitation.email, state: state, replacesHolder: invitation.replacesHolder,
            createdAt: invitation.createdAt, expiresAt: invitation.expiresAt)
    }
}

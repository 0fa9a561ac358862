import Domain
import Foundation
import GRDB

/// The tenant administrator: the person who may sign the agreement and, later, receive the tenant's data.
extension Registry {
    package func isAdministrator(_ person: PersonKey, of tenant: TenantID) throws -> Bool {
        try readNow { db in try Self.isAdministrator(db, person, of: tenant) }
    }

    static func isAdministrator(_ db: Database, _ person: PersonKey, of tenant: TenantID) throws -> Bool {
        try Bool.fetchOne(
            db.cachedStatement(
                sql: "SELECT EXISTS (SELECT 1 FROM membership WHERE personKey = ? AND tenantId = ? AND role = 'tenantAdministrator')"),
            arguments: [person.hex, tenant.rawValue]) ?? false
    }

    /// Support invites a person to become the tenant's administrator; the e-mail is queued in the same
    /// transaction. For a kommune, the organisation number is recorded here if the registry lacks it, and
    /// the legal name when support gives one (checked against the kommune's name).
    package func inviteAdministrator(
        _ tenantID: TenantID, organisationNumber: OrganisationNumber?, legalName: String? = nil, actor: String,
        at now: Date,
        decide: @escaping @Sendable (Tenant) throws -> AdministratorInvitation,
        mail: @escaping @Sendable (Tenant, AdministratorInvitation) -> OutgoingMail
    ) async throws -> AdministratorInvitation {
        let invitation = try await pool.write { db in
            guard var tenant = try TenantRecord.fetchOne(db, key: tenantID.rawValue)?.tenant() else {
                throw TenantError.unknown(tenantID)
            }
            if let organisationNumber {
                try Self.recordOrganisationNumber(db, organisationNumber, of: &tenant, actor: actor, at: now)
            }
            if let legalName {
                let legal = try tenant.checkedLegalName(legalName)
                if legal != tenant.legalName {
                    tenant = tenant.withLegalName(legal, at: now)
                    try TenantRecord(tenant).update(db)
                    try AuditLog.append(
                        db, actor: actor, action: "tenant.legal-name", tenant: tenantID, detail: "legal name \(legal)",
                        at: now)
                }
            }
            let invitation = try decide(tenant)
            try AdministratorInvitationRecord(invitation).insert(db)
            try OutboxRecord(mail(tenant, invitation), at: now).insert(db)
            try AuditLog.append(
                db, actor: actor, action: "administrator.invited", tenant: tenantID,
                detail: "invitation \(invitation.id.lowercasedText) to \(invitation.name)", at: now)
            return invitation
        }
        invalidate(tenantID)
        return invitation
    }

    /// The invitation with this token in this tenant, and the tenant, without changing anything: a token
    /// of another tenant is as unknown as a made-up one.
    package func administratorInvitation(tenant tenantID: TenantID, tokenHash: String) throws
        -> (invitation: AdministratorInvitation, tenant: Tenant)
    {
        try pool.read { db in
            guard let tenant = try TenantRecord.fetchOne(db, key: tenantID.rawValue)?.tenant() else {
                throw TenantError.unknown(tenantID)
            }
            guard let record = try AdministratorInvitationRecord.filter(Column("tokenHash") == tokenHash).fetchOne(db),
                record.tenantId == tenantID.rawValue
            else { throw InvitationError.unknown }
            return (try record.invitation(), tenant)
        }
    }

    /// The invited person accepts while logged in: they become the tenant's administrator.
    package func acceptAdministratorInvitation(
        tenant tenantID: TenantID, tokenHash: String, by person: Principal, at now: Date
    ) async throws -> Tenant {
        try await pool.write { db in
            guard let tenant = try TenantRecord.fetchOne(db, key: tenantID.rawValue)?.tenant() else {
                throw TenantError.unknown(tenantID)
            }
            guard let record = try AdministratorInvitationRecord.filter(Column("tokenHash") == tokenHash).fetchOne(db),
                record.tenantId == tenantID.rawValue
            else { throw InvitationError.unknown }
            let accepted = try record.invitation().accept(by: person, at: now)
            try AdministratorInvitationRecord(accepted).update(db)
            try Self.addMembership(db, person: person, tenant: tenantID, role: .tenantAdministrator, email: accepted.email, at: now)
            try AuditLog.append(
                db, actor: "person:\(person.personKey.hex.prefix(12))", action: "administrator.accepted", tenant: tenantID,
                detail: "invitation \(record.id) accepted by \(person.name)", at: now)
            return tenant
        }
    }
}

extension Tenant {
    /// A kommune's organisation number, learnt when support prepares its agreement.
    func withOrganisationNumber(_ number: OrganisationNumber, at now: Date) -> Tenant {
        Tenant(
            id: id, kind: kind, organisationNumber: number, kommunenummer: kommunenummer, name: name, status: status,
            provisionedAt: provisionedAt, createdAt: createdAt, updatedAt: now, closesAt: closesAt, legalName: legalName)
    }
}

/// A row of `administratorInvitation`.
struct AdministratorInvitationRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "administratorInvitation"

    var id: String
    var tenantId: String
    var name: String
    var email: String
    var tokenHash: String
    var invitedBy: String
    var createdAt: Date
    var expiresAt: Date
    var state: String
    var acceptedBy: String?
    var decidedAt: Date?

    init(_ invitation: AdministratorInvitation) {
        id = invitation.id.lowercasedText
        tenantId = invitation.tenantID.rawValue
        name = invitation.name
        email = invitation.email
        tokenHash = invitation.tokenHash
        invitedBy = invitation.invitedBy
        createdAt = invitation.createdAt
        expiresAt = invitation.expiresAt
        state = invitation.state.rawValue
        acceptedBy = invitation.acceptedBy?.hex
        decidedAt = invitation.decidedAt
    }

    func invitation() throws -> AdministratorInvitation {
        guard let uuid = UUID(hyphenated: id), let state = Invitation.State(rawValue: state) else {
            throw StorageError.corruptRow(table: Self.databaseTableName, column: "id/state")
        }
        return AdministratorInvitation(
            id: uuid, tenantID: try TenantID(tenantId), name: name, email: email, tokenHash: tokenHash,
            invitedBy: invitedBy, createdAt: createdAt, expiresAt: expiresAt, state: state,
            acceptedBy: try acceptedBy.map { try PersonKey(hex: $0) }, decidedAt: decidedAt)
    }
}

import Domain
import Foundation
import GRDB

/// Invitations: each verb one transaction, with its e-mail and its access-log line.
extension TenantDatabase {
    /// Creates an invitation and queues its e-mail in the same transaction, so an invitation never
    /// exists without its mail, nor a mail without its invitation.
    package func createInvitation(
        role: Role, email: String, traineeID: UUID, replacesHolder: Bool, invitedBy: String, actor: AccessActor,
        id: UUID, tokenHash: String, at now: Date, compose: @escaping @Sendable (Invitation, Trainee) -> OutgoingMail
    ) async throws -> Invitation {
        try await write { db in
            try Self.createInvitation(
                db, role: role, email: email, traineeID: traineeID, replacesHolder: replacesHolder, invitedBy: invitedBy,
                actor: actor, id: id, tokenHash: tokenHash, at: now, compose: compose)
        }
    }

    /// The same for a person acting on the LIS's behalf (the LIS, or a role holder the permission table lets
    /// invite): the caller is let in as `inviteRole` (or `replaceRole`) in the same transaction.
    package func createInvitation(
        role: Role, email: String, traineeID: UUID, replacesHolder: Bool, by principal: Principal, id: UUID,
        tokenHash: String, at now: Date, compose: @escaping @Sendable (Invitation, Trainee) -> OutgoingMail
    ) async throws -> Invitation {
        try await write { db in
            let access = try TrainingAccess.check(
                db, traineeID: traineeID, actor: principal, replacesHolder ? .replaceRole : .inviteRole)
            let actor = AccessActor(key: principal.personKey, name: principal.name, role: access.role)
            return try Self.createInvitation(
                db, role: role, email: email, traineeID: traineeID, replacesHolder: replacesHolder,
                invitedBy: "person:\(principal.personKey)", actor: actor, id: id, tokenHash: tokenHash, at: now,
                compose: compose)
        }
    }

    private static func createInvitation(
        _ db: Database, role: Role, email: String, traineeID: UUID, replacesHolder: Bool, invitedBy: String,
        actor: AccessActor, id: UUID, tokenHash: String, at now: Date,
        compose: (Invitation, Trainee) -> OutgoingMail
    ) throws -> Invitation {
            let trainee = try Self.requireTrainee(db, traineeID)
            let current = try RoleAssignmentRecord.active(db, trainee: traineeID)
            let invitation = try Invitation.create(
                role: role, email: email, for: trainee, current: current, replacesHolder: replacesHolder,
                invitedBy: invitedBy, id: id, tokenHash: tokenHash, at: now)
            try InvitationRecord(invitation).insert(db)
            try OutboxRecord(compose(invitation, trainee), at: now).insert(db)
            try AccessLogRecord(
                actor.entry(
                    traineeID, replacesHolder ? .replaceRole : .inviteRole,
                    object: "invitation:\(id.lowercasedText) role:\(role.rawValue)", at: now)
            ).append(db)
            return invitation
    }

    /// Accepts the invitation whose token hashes to `tokenHash`: the role is granted to `person`, a
    /// replaced holder's role ends, and the access log says so, all in one transaction.
    package func acceptInvitation(tokenHash: String, by person: Principal, assignmentID: UUID, at now: Date)
        async throws -> (invitation: Invitation, granted: RoleAssignment, ended: RoleAssignment?)
    {
        try await acceptInvitation(tokenHash: tokenHash, by: person, assignmentID: assignmentID, at: now, plans: nil)
    }

    /// The plans a LIS gets once a leder is in place (`ensureAutomaticPlans`), assigned in the same
    /// transaction as the leder's role when the accepted invitation is for the leder.
    package struct AutomaticPlans: Sendable {
        let plansInForce: [Plan]
        let tenantKind: TenantKind
        let newID: @Sendable () -> UUID

        package init(plansInForce: [Plan], tenantKind: TenantKind, newID: @escaping @Sendable () -> UUID) {
            self.plansInForce = plansInForce
            self.tenantKind = tenantKind
            self.newID = newID
        }
    }

    package func acceptInvitation(
        tokenHash: String, by person: Principal, assignmentID: UUID, at now: Date, plans: AutomaticPlans?
    ) async throws -> (invitation: Invitation, granted: RoleAssignment, ended: RoleAssignment?) {
        try await write { db in
            guard let invitation = try InvitationRecord.filter(Column("tokenHash") == tokenHash).fetchOne(db)?.invitation()
            else { throw InvitationError.unknown }
            let trainee = try Self.requireTrainee(db, invitation.traineeID)
            let current = try RoleAssignmentRecord.active(db, trainee: invitation.traineeID)
            let outcome = try invitation.accept(
                by: person, trainee: trainee, current: current, assignmentID: assignmentID, at: now)
            try InvitationRecord(outcome.invitation).update(db)
            if let ended = outcome.ended {
                try db.execute(
                    sql: "UPDATE roleAssignment SET revokedAt = ? WHERE id = ?",
                    arguments: [now, ended.id.lowercasedText])
            }
            try RoleAssignmentRecord(outcome.granted).insert(db)
            let replaced = outcome.ended.map { " replacing:\($0.personName)" } ?? ""
            try AccessLogRecord(
                AccessLogEntry(
                    traineeID: trainee.id, actor: person.personKey, actorName: person.name, role: invitation.role,
                    operation: .acceptInvitation,
                    object: "invitation:\(invitation.id.lowercasedText) role:\(invitation.role.rawValue)\(replaced)",
                    reason: nil, at: now)
            ).append(db)
            if let plans, outcome.granted.role == .leder {
                _ = try Self.ensureAutomaticPlans(
                    db, traineeID: trainee.id, plansInForce: plans.plansInForce, tenantKind: plans.tenantKind,
                    newID: plans.newID, at: now)
            }
            return outcome
        }
    }

    /// Revokes a pending invitation of this LIS.
    package func revokeInvitation(id: UUID, traineeID: UUID, actor: AccessActor, at now: Date) async throws -> Invitation {
        try await write { db in try Self.revokeInvitation(db, id: id, traineeID: traineeID, actor: actor, at: now) }
    }

    /// The same for a person, let in as `inviteRole` in the same transaction.
    package func revokeInvitation(id: UUID, traineeID: UUID, by principal: Principal, at now: Date) async throws
        -> Invitation
    {
        try await write { db in
            let access = try TrainingAccess.check(db, traineeID: traineeID, actor: principal, .inviteRole)
            let actor = AccessActor(key: principal.personKey, name: principal.name, role: access.role)
            return try Self.revokeInvitation(db, id: id, traineeID: traineeID, actor: actor, at: now)
        }
    }

    private static func revokeInvitation(_ db: Database, id: UUID, traineeID: UUID, actor: AccessActor, at now: Date)
        throws -> Invitation
    {
            guard let record = try InvitationRecord.fetchOne(db, key: id.lowercasedText),
                record.traineeId == traineeID.lowercasedText
            else { throw InvitationError.unknown }
            let revoked = try record.invitation().revoke(at: now)
            try InvitationRecord(revoked).update(db)
            try AccessLogRecord(
                actor.entry(traineeID, .inviteRole, object: "invitation:\(id.lowercasedText) revoked", at: now)
            ).append(db)
            return revoked
    }

    package func invitations(traineeID: UUID) throws -> [Invitation] {
        try queue.read { db in
            try InvitationRecord.filter(Column("traineeId") == traineeID.lowercasedText)
                .order(Column("createdAt").desc).fetchAll(db).map { try $0.invitation() }
        }
    }

    static func requireTrainee(_ db: Database, _ id: UUID) throws -> Trainee {
        // A cached statement: every training step and report reads its LIS first.
        guard
            let trainee = try TraineeRecord.fetchOne(
                db.cachedStatement(sql: "SELECT * FROM trainee WHERE id = ?"), arguments: [id.lowercasedText]
            )?.trainee()
        else {
            throw TraineeError.notFound(id)
        }
        return trainee
    }
}

/// Who is acting on a LIS's data, for the access log line a change writes.
package struct AccessActor: Sendable {
    package let key: PersonKey
    package let name: String
    package let role: Role
    package let reason: String?

    package init(key: PersonKey, name: String, role: Role, reason: String? = nil) {
        self.key = key
        self.name = name
        self.role = role
        self.reason = reason
    }

    func entry(_ trainee: UUID, _ operation: TraineeOperation, object: String, at now: Date) -> AccessLogEntry {
        AccessLogEntry(
            traineeID: trainee, actor: key, actorName: name, role: role, operation: operation, object: object,
            reason: reason, at: now)
    }
}

import struct Foundation.Date
import struct Foundation.UUID

/// The invitation state machine: pending → accepted | revoked; expiry is a matter of time, not state.
extension Invitation {
    /// Decides a new invitation for `role`, given the roles held for the LIS now.
    ///
    /// A filled leder or veileder role can only be offered with `replacesHolder`, so replacing one is
    /// always a deliberate act that the log shows.
    package static func create(
        role: Role, email rawEmail: String, for trainee: Trainee, current: [RoleAssignment], replacesHolder: Bool,
        invitedBy: String, id: UUID, tokenHash: String, at now: Date
    ) throws(InvitationError) -> Invitation {
        guard role.isPerTrainee else { throw .role(.notAPerTraineeRole(role)) }
        let email: String
        do throws(ValidationError) { email = try Trainee.validEmail(rawEmail) } catch { throw .invalid(error) }
        let filled = role.isSingleton && current.contains { $0.role == role }
        if filled && !replacesHolder { throw .role(.roleTaken(role)) }
        if replacesHolder && !filled { throw .nothingToReplace(role) }
        return Invitation(
            id: id, traineeID: trainee.id, role: role, email: email, tokenHash: tokenHash, invitedBy: invitedBy,
            replacesHolder: replacesHolder, createdAt: now, expiresAt: now.addingTimeInterval(lifetime),
            state: .pending, decidedAt: nil, acceptedBy: nil)
    }

    /// Accepting: the invitation must be pending and unexpired, and the role free (or this invitation the
    /// one that replaces its holder). Returns the accepted invitation, the new role, and the assignment it
    /// ends, if any.
    package func accept(
        by person: Principal, trainee: Trainee, current: [RoleAssignment], assignmentID: UUID, at now: Date
    ) throws(InvitationError) -> (invitation: Invitation, granted: RoleAssignment, ended: RoleAssignment?) {
        switch state {
        case .accepted: throw .alreadyUsed
        case .revoked: throw .revoked
        case .pending: break
        }
        guard now < expiresAt else { throw .expired(at: expiresAt) }
        var remaining = current
        var ended: RoleAssignment?
        if replacesHolder, let holder = current.first(where: { $0.role == role }) {
            ended = holder
            remaining.removeAll { $0.id == holder.id }
        }
        let granted: RoleAssignment
        do throws(RoleError) {
            granted = try RoleAssignment.grant(
                role, to: person, for: trainee, current: remaining, id: assignmentID,
                grantedBy: "invitation:\(id.lowercasedText)", at: now)
        } catch {
            throw .role(error)
        }
        var accepted = self
        accepted.state = .accepted
        accepted.decidedAt = now
        accepted.acceptedBy = person.personKey
        return (accepted, granted, ended)
    }

    package func revoke(at now: Date) throws(InvitationError) -> Invitation {
        switch state {
        case .accepted: throw .alreadyUsed
        case .revoked: throw .revoked
        case .pending: break
        }
        var revoked = self
        revoked.state = .revoked
        revoked.decidedAt = now
        return revoked
    }
}

extension Invitation {
    /// Whether the link can still be used, checked before a page offers to accept it: the same reasons, in
    /// the same order, as `accept` would refuse with.
    package func requireOpen(at now: Date) throws(InvitationError) {
        switch state {
        case .accepted: throw .alreadyUsed
        case .revoked: throw .revoked
        case .pending: break
        }
        guard now < expiresAt else { throw .expired(at: expiresAt) }
    }
}

import struct Foundation.Date
import struct Foundation.UUID

/// A person holding a role for one LIS, granted through an invitation (or by support).
package struct RoleAssignment: Sendable, Equatable {
    package let id: UUID
    package let traineeID: UUID
    package let personKey: PersonKey
    /// The holder's name as HelseID gave it when the role was taken, for the LIS's role list.
    package let personName: String
    package let role: Role
    package let grantedAt: Date
    /// Who granted it (`invitation:<id>` or `support:<sub>`), for the audit trail.
    package let grantedBy: String

    package init(
        id: UUID, traineeID: UUID, personKey: PersonKey, personName: String, role: Role, grantedAt: Date,
        grantedBy: String
    ) {
        self.id = id
        self.traineeID = traineeID
        self.personKey = personKey
        self.personName = personName
        self.role = role
        self.grantedAt = grantedAt
        self.grantedBy = grantedBy
    }

    /// Decides whether `person` may take `role` for `trainee`, given the roles held now.
    ///
    /// Source rules: one leder and one veileder per LIS, any number of supervisors; a person may hold
    /// several roles for the same LIS, one per invitation. Decision: a LIS cannot hold a role for
    /// themselves.
    package static func grant(
        _ role: Role, to person: Principal, for trainee: Trainee, current: [RoleAssignment], id: UUID,
        grantedBy: String, at now: Date
    ) throws(RoleError) -> RoleAssignment {
        guard role.isPerTrainee else { throw .notAPerTraineeRole(role) }
        guard person.personKey != trainee.personKey else { throw .ownRole }
        if current.contains(where: { $0.role == role && $0.personKey == person.personKey }) {
            throw .alreadyHeld(role)
        }
        if role.isSingleton, current.contains(where: { $0.role == role }) { throw .roleTaken(role) }
        return RoleAssignment(
            id: id, traineeID: trainee.id, personKey: person.personKey, personName: person.name, role: role,
            grantedAt: now, grantedBy: grantedBy)
    }
}

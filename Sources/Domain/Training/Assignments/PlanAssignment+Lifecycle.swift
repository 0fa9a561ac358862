import struct Foundation.Date
import struct Foundation.UUID

/// The assignment state machine. Removing is only for a plan nobody has worked on: once there is an activity
/// or an objective in progress, the plan is evidence and is archived instead.
extension PlanAssignment {
    /// Decides assigning `plan` to `trainee`. The plan must be for the LIS's programme, and the LIS must not
    /// hold another live version of the same plan; a leder must hold the leder role for this LIS.
    package static func assign(
        _ plan: Plan, to trainee: Trainee, by assigner: Assigner, roles: [RoleAssignment], current: [PlanAssignment],
        id: UUID, at now: Date
    ) throws(PlanAssignmentError) -> PlanAssignment {
        if case .leder(let person) = assigner,
            !roles.contains(where: { $0.traineeID == trainee.id && $0.personKey == person && $0.role == .leder })
        {
            throw .lederOnly
        }
        guard plan.programmes.contains(trainee.programme) else {
            throw .wrongProgramme(plan.key, trainee.programme)
        }
        if current.contains(where: { $0.traineeID == trainee.id && $0.plan.key == plan.key && $0.state != .archived }) {
            throw .alreadyAssigned(plan.key)
        }
        return PlanAssignment(
            id: id, traineeID: trainee.id, plan: plan.reference, assignedBy: assigner, assignedAt: now,
            state: .assigned, startedAt: nil, archivedAt: nil)
    }

    /// Marks the plan as worked on. Idempotent, because every first activity or objective calls it.
    package func start(at now: Date) throws(PlanAssignmentError) -> PlanAssignment {
        switch state {
        case .archived: throw .archived
        case .started: return self
        case .assigned:
            var started = self
            started.state = .started
            started.startedAt = now
            return started
        }
    }

    /// Checks that the assignment may be deleted: only while no work exists on it.
    package func checkRemovable() throws(PlanAssignmentError) {
        switch state {
        case .assigned: return
        case .started: throw .started
        case .archived: throw .archived
        }
    }

    package func archive(at now: Date) throws(PlanAssignmentError) -> PlanAssignment {
        switch state {
        case .assigned: throw .notStarted
        case .archived: throw .archived
        case .started:
            var archived = self
            archived.state = .archived
            archived.archivedAt = now
            return archived
        }
    }
}

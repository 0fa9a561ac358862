/// Why a role cannot be granted.
package enum RoleError: Error, Equatable, Sendable {
    /// Leder and veileder are held by one person at a time; replacing one is an explicit step.
    case roleTaken(Role)
    case alreadyHeld(Role)
    case ownRole
    case notAPerTraineeRole(Role)
}

/// Everything one can do with a LIS's data. Every tenant-scoped handler that touches a LIS names one of
/// these, and `PermissionTable` says who may do it.
package enum TraineeOperation: String, Sendable, Codable, CaseIterable {
    /// Read the LIS's record (name, programme, contact).
    case readRecord
    /// See who holds which role for the LIS.
    case readRoles
    /// See the access log: who looked at or changed the LIS's data.
    case readAccessLog
    /// Invite a person to a role for the LIS.
    case inviteRole
    /// Take a role by accepting an invitation: allowed by the token, not by a role, so granted to no role;
    /// it exists so that the access log can name it.
    case acceptInvitation
    /// Invite a new leder or veileder who replaces the current one (an explicit, audited step).
    case replaceRole
    /// Assign or remove an education plan.
    case assignPlan
    /// Record a learning activity and send it for signature.
    case submitActivity
    /// Approve or reject a learning activity sent to oneself.
    case signActivity
    /// Send a learning objective to the leder.
    case submitObjective
    /// Approve or reject (underkjenne) a learning objective.
    case approveObjective
    /// Create a supervision talk.
    case createTalk
    /// Write preparation or minutes of a supervision talk.
    case writeTalk
    /// Finalise (ferdigstille) a supervision talk.
    case finaliseTalk
    /// Read the minutes of supervision talks.
    case readTalkMinutes
    /// Read the progress report (fremdriftsrapport).
    case readProgressReport
    /// Bring a sealed record of approved objectives from another employer.
    case importRecord
    /// Download the sealed confirmation of completed service.
    case downloadCompletion
}

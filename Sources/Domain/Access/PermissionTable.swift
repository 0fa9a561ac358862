/// The one table that maps every role to what it may do with a LIS's data.
///
/// From the source rules: the LIS documents and invites; the leder assigns plans and approves objectives;
/// the veileder holds and finalises talks and signs activities; a supervisor signs activities; only the
/// LIS and the veileder read talk minutes. The tenant administrator and support get nothing here by
/// default: their access to training data goes through their own, audited paths.
package enum PermissionTable {
    package static let grants: [Role: Set<TraineeOperation>] = [
        .lis: [
            .readRecord, .readRoles, .readAccessLog, .inviteRole, .replaceRole, .submitActivity, .submitObjective, .writeTalk,
            .readTalkMinutes, .readProgressReport, .importRecord, .downloadCompletion,
        ],
        .leder: [
            .readRecord, .readRoles, .assignPlan, .approveObjective, .readProgressReport, .importRecord, .downloadCompletion,
        ],
        .veileder: [
            .readRecord, .readRoles, .signActivity, .createTalk, .writeTalk, .finaliseTalk, .readTalkMinutes,
            .readProgressReport,
        ],
        .supervisor: [.readRecord, .signActivity],
        .tenantAdministrator: [],
        .support: [],
    ]

    package static func allows(_ role: Role, _ operation: TraineeOperation) -> Bool {
        grants[role]?.contains(operation) ?? false
    }

    /// The role under which `roles` may do `operation` (the first that grants it, in `Role` order), so the
    /// access log can say in which capacity a person acted.
    package static func authorize(_ operation: TraineeOperation, holding roles: Set<Role>) throws(AccessDenied)
        -> Role
    {
        guard let role = Role.allCases.first(where: { roles.contains($0) && allows($0, operation) }) else {
            throw AccessDenied(operation: operation, roles: roles)
        }
        return role
    }
}

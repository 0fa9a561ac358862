import Foundation
import Testing

@testable import Domain

/// The role × operation table, written out once more by hand: a new operation or role that this table
/// does not mention fails the suite until someone decides who may do it.
@Suite struct PermissionTableTests {
    static let expected: [TraineeOperation: Set<Role>] = [
        .readRecord: [.lis, .leder, .veileder, .supervisor],
        .readRoles: [.lis, .leder, .veileder],
        .readAccessLog: [.lis],
        .inviteRole: [.lis],
        .acceptInvitation: [],
        .replaceRole: [.lis],
        .assignPlan: [.leder],
        .submitActivity: [.lis],
        .signActivity: [.veileder, .supervisor],
        .submitObjective: [.lis],
        .approveObjective: [.leder],
        .createTalk: [.veileder],
        .writeTalk: [.lis, .veileder],
        .finaliseTalk: [.veileder],
        .readTalkMinutes: [.lis, .veileder],
        .readProgressReport: [.lis, .leder, .veileder],
        .importRecord: [.lis, .leder],
        .downloadCompletion: [.lis, .leder],
    ]

    struct Pair: CustomTestStringConvertible, Sendable {
        let role: Role
        let operation: TraineeOperation
        var testDescription: String { "\(role.rawValue) → \(operation.rawValue)" }
    }

    static var everyPair: [Pair] {
        Role.allCases.flatMap { role in TraineeOperation.allCases.map { Pair(role: role, operation: $0) } }
    }

    @Test func everyOperationHasAnExpectation() {
        for operation in TraineeOperation.allCases {
            #expect(Self.expected[operation] != nil, "no expectation for \(operation.rawValue)")
        }
    }

    @Test(arguments: everyPair)
    func theTableGrantsExactlyWhatTheRulesSay(_ pair: Pair) {
        let allowed = Self.expected[pair.operation]?.contains(pair.role) ?? false
        #expect(PermissionTable.allows(pair.role, pair.operation) == allowed)
    }

    @Test func onlyTheLISAndTheVeilederReadTalkMinutes() {
        #expect(Role.allCases.filter { PermissionTable.allows($0, .readTalkMinutes) } == [.lis, .veileder])
    }

    @Test func authorizingNamesTheRoleThatGrants() throws {
        #expect(try PermissionTable.authorize(.readRecord, holding: [.supervisor, .leder]) == .leder)
        #expect(try PermissionTable.authorize(.signActivity, holding: [.supervisor, .leder]) == .supervisor)
        #expect(throws: AccessDenied(operation: .approveObjective, roles: [.supervisor])) {
            try PermissionTable.authorize(.approveObjective, holding: [.supervisor])
        }
        #expect(throws: AccessDenied(operation: .readRecord, roles: [])) {
            try PermissionTable.authorize(.readRecord, holding: [])
        }
    }

    @Test(arguments: [
        (TraineeOperation.readRecord, Role.lis, false), (.readAccessLog, .lis, false), (.readRecord, .leder, true),
        (.readRecord, .supervisor, true), (.submitActivity, .lis, true), (.approveObjective, .leder, true),
    ])
    func readsByOthersAndAllChangesAreLogged(_ operation: TraineeOperation, _ role: Role, _ logged: Bool) {
        #expect(AccessLogEntry.isLogged(operation, role: role) == logged)
    }
}

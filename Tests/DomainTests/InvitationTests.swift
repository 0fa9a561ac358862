import Foundation
import Testing

@testable import Domain

@Suite struct InvitationTests {
    static let now = Date(timeIntervalSince1970: 1_800_000_000)
    static let trainee = RoleAssignmentTests.trainee

    static func invite(_ role: Role, replacing: Bool = false, current: [RoleAssignment] = []) throws -> Invitation {
        try Invitation.create(
            role: role, email: "leder@kommune.no", for: trainee, current: current, replacesHolder: replacing,
            invitedBy: "person:lis", id: UUID(), tokenHash: String(repeating: "a", count: 64), at: now)
    }

    @Test func anInvitationIsPendingForFourteenDays() throws {
        let invitation = try Self.invite(.leder)
        #expect(invitation.state == .pending)
        #expect(invitation.expiresAt == Self.now.addingTimeInterval(14 * 24 * 3600))
    }

    @Test func acceptingGrantsTheRoleOnce() throws {
        let invitation = try Self.invite(.veileder)
        let outcome = try invitation.accept(by: .other, trainee: Self.trainee, current: [], assignmentID: UUID(), at: Self.now)
        #expect(outcome.invitation.state == .accepted)
        #expect(outcome.invitation.acceptedBy == Principal.other.personKey)
        #expect(outcome.granted.role == .veileder)
        #expect(outcome.ended == nil)
        #expect(throws: InvitationError.alreadyUsed) {
            try outcome.invitation.accept(by: .third, trainee: Self.trainee, current: [], assignmentID: UUID(), at: Self.now)
        }
    }

    @Test func anExpiredInvitationIsRefused() throws {
        let invitation = try Self.invite(.supervisor)
        #expect(throws: InvitationError.expired(at: invitation.expiresAt)) {
            try invitation.accept(
                by: .other, trainee: Self.trainee, current: [], assignmentID: UUID(), at: invitation.expiresAt)
        }
    }

    @Test func aRevokedInvitationIsRefusedAndCannotBeRevokedAgain() throws {
        let revoked = try Self.invite(.supervisor).revoke(at: Self.now)
        #expect(throws: InvitationError.revoked) {
            try revoked.accept(by: .other, trainee: Self.trainee, current: [], assignmentID: UUID(), at: Self.now)
        }
        #expect(throws: InvitationError.revoked) { try revoked.revoke(at: Self.now) }
    }

    @Test func aFilledLederRoleIsOnlyOfferedAsAReplacement() throws {
        let current = [RoleAssignmentTests.holding(.leder, by: .third)]
        #expect(throws: InvitationError.role(.roleTaken(.leder))) { try Self.invite(.leder, current: current) }
        let replacement = try Self.invite(.leder, replacing: true, current: current)
        let outcome = try replacement.accept(
            by: .other, trainee: Self.trainee, current: current, assignmentID: UUID(), at: Self.now)
        #expect(outcome.ended?.personKey == Principal.third.personKey)
        #expect(outcome.granted.personKey == Principal.other.personKey)
    }

    @Test func aReplacementNeedsSomeoneToReplace() {
        #expect(throws: InvitationError.nothingToReplace(.veileder)) { try Self.invite(.veileder, replacing: true) }
    }

    @Test func theRoleIsCheckedAgainWhenAccepting() throws {
        // Invited while free, filled by someone else before acceptance.
        let invitation = try Self.invite(.leder)
        let filled = [RoleAssignmentTests.holding(.leder, by: .third)]
        #expect(throws: InvitationError.role(.roleTaken(.leder))) {
            try invitation.accept(by: .other, trainee: Self.trainee, current: filled, assignmentID: UUID(), at: Self.now)
        }
    }

    @Test(arguments: [Role.lis, .tenantAdministrator, .support])
    func onlyPerLISRolesAreInvited(_ role: Role) {
        #expect(throws: InvitationError.role(.notAPerTraineeRole(role))) { try Self.invite(role) }
    }

    @Test func aBadAddressIsRefused() {
        #expect {
            try Invitation.create(
                role: .leder, email: "not-an-address", for: Self.trainee, current: [], replacesHolder: false,
                invitedBy: "x", id: UUID(), tokenHash: "h", at: Self.now)
        } throws: { error in
            guard case .invalid(let validation) = error as? InvitationError else { return false }
            return validation.field == "email"
        }
    }
}

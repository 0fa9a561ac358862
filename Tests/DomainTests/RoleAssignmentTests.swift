import Foundation
import Testing

@testable import Domain

@Suite struct RoleAssignmentTests {
    static let now = Date(timeIntervalSince1970: 1_800_000_000)
    static let trainee = Trainee(
        id: UUID(uuidString: "00000000-0000-0000-0000-00000000000a")!, personKey: Principal.lis.personKey,
        name: "Lise Lege", hprNumber: nil, programme: .alis, email: nil, registeredAt: now)

    static func holding(_ role: Role, by person: Principal) -> RoleAssignment {
        RoleAssignment(
            id: UUID(), traineeID: trainee.id, personKey: person.personKey, personName: person.name, role: role,
            grantedAt: now, grantedBy: "test")
    }

    @Test(arguments: [Role.leder, .veileder, .supervisor])
    func aPersonTakesAFreeRole(_ role: Role) throws {
        let assignment = try RoleAssignment.grant(
            role, to: .other, for: Self.trainee, current: [], id: UUID(), grantedBy: "invitation:1", at: Self.now)
        #expect(assignment.role == role)
        #expect(assignment.personKey == Principal.other.personKey)
        #expect(assignment.personName == "Ola Lege")
    }

    @Test(arguments: [Role.leder, .veileder])
    func aSecondLederOrVeilederIsRefused(_ role: Role) {
        let current = [Self.holding(role, by: .third)]
        #expect(throws: RoleError.roleTaken(role)) {
            try RoleAssignment.grant(role, to: .other, for: Self.trainee, current: current, id: UUID(), grantedBy: "x", at: Self.now)
        }
    }

    @Test func aLISMayHaveManySupervisors() throws {
        let current = [Self.holding(.supervisor, by: .third)]
        let second = try RoleAssignment.grant(
            .supervisor, to: .other, for: Self.trainee, current: current, id: UUID(), grantedBy: "x", at: Self.now)
        #expect(second.role == .supervisor)
    }

    @Test func onePersonMayHoldSeveralRolesButEachOnce() throws {
        let current = [Self.holding(.veileder, by: .other)]
        _ = try RoleAssignment.grant(
            .supervisor, to: .other, for: Self.trainee, current: current, id: UUID(), grantedBy: "x", at: Self.now)
        #expect(throws: RoleError.alreadyHeld(.veileder)) {
            try RoleAssignment.grant(.veileder, to: .other, for: Self.trainee, current: current, id: UUID(), grantedBy: "x", at: Self.now)
        }
    }

    @Test func aLISCannotHoldARoleForThemselves() {
        #expect(throws: RoleError.ownRole) {
            try RoleAssignment.grant(.supervisor, to: .lis, for: Self.trainee, current: [], id: UUID(), grantedBy: "x", at: Self.now)
        }
    }

    @Test(arguments: [Role.lis, .tenantAdministrator, .support])
    func onlyPerLISRolesAreGrantedThisWay(_ role: Role) {
        #expect(throws: RoleError.notAPerTraineeRole(role)) {
            try RoleAssignment.grant(role, to: .other, for: Self.trainee, current: [], id: UUID(), grantedBy: "x", at: Self.now)
        }
    }
}

extension Principal {
    static let third = Principal(
        issuer: "https://issuer.test", subject: "p-3", personKey: PersonKey(digest: Array(repeating: UInt8(3), count: 32)),
        hprNumber: nil, name: "Kari Veileder", securityLevel: .level4, isSupport: false)
}

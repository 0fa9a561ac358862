import Domain
import Testing

@testable import Identity

/// The demo's test persons are distinct people with valid synthetic numbers, so no two roles share an
/// identity (and its access) by accident.
@Suite struct DemoPersonTests {
    @Test(arguments: DemoPerson.all)
    func everyPidIsASyntheticNumberWithBothCheckDigitsValid(_ person: DemoPerson) throws {
        let number = try NationalIdentityNumber(person.pid, allowing2032Rule: false, allowingSynthetic: true)
        #expect(number.kind == .synthetic, "\(person.id)")
    }

    @Test func everyPersonHasTheirOwnPidSubjectAndName() {
        for keyPath in [\DemoPerson.pid, \.subject, \.id, \.name] {
            #expect(Set(DemoPerson.all.map { $0[keyPath: keyPath] }).count == DemoPerson.all.count)
        }
    }

    @Test func supportIsNobodyElse() {
        let others = DemoPerson.all.filter { $0 != .support }
        #expect(others.count == DemoPerson.all.count - 1)
        #expect(!others.map(\.pid).contains(DemoPerson.support.pid))
        #expect(!others.map(\.subject).contains(DemoPerson.support.subject))
    }

    @Test func theTableHasEveryRoleOfTheWalkthrough() {
        let roles = DemoPerson.all.map(\.role)
        #expect(roles.filter { $0 == .supervisor }.count == 2)
        for role in [Role.lis, .leder, .veileder, .tenantAdministrator, .support] {
            #expect(roles.filter { $0 == role }.count == 1, "\(role)")
        }
        for person in DemoPerson.all {
            #expect(DemoPerson.named(person.id) == person)
            #expect(person.hprNumber.map { $0.count <= 9 && $0.allSatisfy(\.isNumber) } ?? true)
        }
        #expect(DemoPerson.named("nobody") == nil)
    }
}

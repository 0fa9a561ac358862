import Domain
import Foundation
import Testing

@Suite struct TenantLegalNameTests {
    static func kommune(_ name: String, number: String) throws -> Tenant {
        let kommunenummer = try Kommunenummer(number)
        return Tenant(
            id: .kommune(kommunenummer), kind: .kommune, organisationNumber: nil, kommunenummer: kommunenummer,
            name: name, status: .registered, provisionedAt: nil, createdAt: Date(timeIntervalSince1970: 0),
            updatedAt: Date(timeIntervalSince1970: 0))
    }

    @Test func aKommuneIsNamedByItsLegalNameNeverItsBareName() throws {
        let oslo = try Self.kommune("Oslo", number: "0301")
        #expect(oslo.partyName == "Oslo kommune")
        let recorded = oslo.withLegalName(try oslo.checkedLegalName("Oslo kommune"), at: Date(timeIntervalSince1970: 1))
        #expect(recorded.partyName == "Oslo kommune")
        #expect(Tenant.fixture(status: .active).partyName == "Legesenteret")
    }

    @Test func aLegalNameMustContainTheKommunesNameInOneOfItsForms() throws {
        let kautokeino = try Self.kommune("Guovdageaidnu - Kautokeino", number: "5612")
        #expect(try kautokeino.checkedLegalName("Guovdageainnu suohkan – Kautokeino kommune").contains("Kautokeino"))
        #expect(try kautokeino.checkedLegalName("  Kautokeino kommune ") == "Kautokeino kommune")
        let oslo = try Self.kommune("Oslo", number: "0301")
        for bad in ["Bergen kommune", "", "   ", "Oslo\u{0}kommune"] {
            #expect(throws: ValidationError.self, "\(bad)") { try oslo.checkedLegalName(bad) }
        }
        #expect(throws: ValidationError.self) { try Tenant.fixture(status: .active).checkedLegalName("X AS") }
    }
}

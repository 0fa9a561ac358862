import Testing

@testable import Domain

@Suite struct TenantIDTests {
    @Test(arguments: ["kommune-0301", "legesenteret-as", "a", "x1-2-3", "a-b-c-d", "0-9", String(repeating: "a", count: 63)])
    func aWellFormedTenantIDIsAccepted(_ raw: String) throws {
        #expect(try TenantID(raw).rawValue == raw)
    }

    @Test(arguments: [
        ("..", ValidationError.Reason.illegalCharacters),
        ("a/b", .illegalCharacters),
        ("../registry", .illegalCharacters),
        ("Kommune-0301", .illegalCharacters),
        ("kommune_0301", .illegalCharacters),
        ("kommune 0301", .illegalCharacters),
        ("kommune.0301", .illegalCharacters),
        ("æøå", .illegalCharacters),
        ("_registry", .illegalCharacters),
        ("", .missing),
        (String(repeating: "a", count: 200), .tooLong(max: 63)),
        (String(repeating: "a", count: 64), .tooLong(max: 63)),
        ("-a", .notAllowed("hyphens may not lead, trail or repeat")),
        ("a-", .notAllowed("hyphens may not lead, trail or repeat")),
        ("a--b", .notAllowed("hyphens may not lead, trail or repeat")),
        ("-", .notAllowed("hyphens may not lead, trail or repeat")),
        ("--", .notAllowed("hyphens may not lead, trail or repeat")),
        ("a-b--c", .notAllowed("hyphens may not lead, trail or repeat")),
        ("a-b-", .notAllowed("hyphens may not lead, trail or repeat")),
        ("-A", .illegalCharacters),
    ])
    func aTenantIDThatCouldEscapeItsFolderIsRefused(_ raw: String, _ reason: ValidationError.Reason) {
        #expect(throws: ValidationError(field: "tenantId", reason: reason)) { try TenantID(raw) }
    }

    @Test func aKommuneTenantIDIsDerivedFromItsNumber() throws {
        #expect(TenantID.kommune(try Kommunenummer("0301")).rawValue == "kommune-0301")
    }
}

import Testing

@testable import Domain

/// The kinds of identity number a HelseID login can carry, told apart by the date part; every kind must
/// have both check digits right.
@Suite struct NationalIdentityNumberKindTests {
    @Test(arguments: [
        ("15038810062", NationalIdentityNumber.Kind.birthNumber),
        ("55038810056", .dNumber),
        ("15438810045", .hNumber),
    ])
    func realKindsAreRecognisedFromTheDatePart(_ raw: String, _ kind: NationalIdentityNumber.Kind) throws {
        #expect(try NationalIdentityNumber(raw).kind == kind)
    }

    @Test func aSyntheticTestNumberIsAcceptedOnlyWhenAllowed() throws {
        #expect(throws: ValidationError.self) { try NationalIdentityNumber("12858510048") }
        #expect(try NationalIdentityNumber("12858510048", allowingSynthetic: true).kind == .synthetic)
    }

    @Test(arguments: [
        "12345678901",  // check digits wrong
        "01010112345",  // check digits wrong
        "15038810061",  // last digit changed
        "00000000000",  // no date
        "32018810000",  // day 32
        "15138810000",  // month 13
    ])
    func numbersThatCannotBeAPersonAreRefused(_ raw: String) {
        #expect(throws: ValidationError.self) { try NationalIdentityNumber(raw, allowingSynthetic: true) }
    }
}

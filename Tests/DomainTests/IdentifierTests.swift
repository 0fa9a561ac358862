import Foundation
import Testing

@testable import Domain

/// One row of `identifier_testvectors.csv` (copied from shared/data into Fixtures).
struct IdentifierVector: CustomTestStringConvertible, Sendable {
    let type: String
    let value: String
    let expectation: String

    var testDescription: String { "\(type) \(value) (\(expectation))" }

    static func load() throws -> [IdentifierVector] {
        let url = try #require(Bundle.module.url(forResource: "identifier_testvectors", withExtension: "csv", subdirectory: "Fixtures"))
        let text = try String(contentsOf: url, encoding: .utf8)
        return text.split(whereSeparator: \.isNewline).dropFirst().map { line in
            let fields = line.split(separator: ",", maxSplits: 3, omittingEmptySubsequences: false).map(String.init)
            return IdentifierVector(type: fields[0], value: fields[1], expectation: fields[2])
        }
    }

    static var all: [IdentifierVector] { (try? load()) ?? [] }
}

@Suite struct IdentifierTests {
    @Test func theTestVectorFileHasOrganisationAndIdentityNumbers() throws {
        let vectors = try IdentifierVector.load()
        #expect(vectors.filter { $0.type == "orgnr" }.count >= 10)
        #expect(vectors.filter { $0.type == "fnr" }.count >= 3)
    }

    @Test(arguments: IdentifierVector.all.filter { $0.type == "orgnr" })
    func organisationNumbersAreJudgedAsTheVectorsSay(_ vector: IdentifierVector) {
        let valid = (try? OrganisationNumber(vector.value)) != nil
        #expect(valid == vector.expectation.hasPrefix("gyldig"))
    }

    @Test(arguments: IdentifierVector.all.filter { $0.type == "fnr" })
    func nationalIdentityNumbersAreJudgedAsTheVectorsSay(_ vector: IdentifierVector) {
        #expect((try? NationalIdentityNumber(vector.value, allowing2032Rule: true)) != nil)
        let classicValid = (try? NationalIdentityNumber(vector.value, allowing2032Rule: false)) != nil
        #expect(classicValid == !vector.expectation.contains("KUN etter 2032"))
    }

    @Test(arguments: [
        ("", ValidationError.Reason.missing),
        ("12345678", .wrongLength(expected: 9)),
        ("1234567890", .wrongLength(expected: 9)),
        ("12345678a", .notDigits),
        ("988077918", .badCheckDigit),
    ])
    func anInvalidOrganisationNumberNamesTheFieldAndTheReason(_ raw: String, _ reason: ValidationError.Reason) {
        #expect(throws: ValidationError(field: "organisationNumber", reason: reason)) { try OrganisationNumber(raw) }
    }

    @Test func anOrganisationNumberWhoseCheckWouldBeTenIsInvalid() {
        // 40000000x: weighted sum 4 * 3 = 12, 12 mod 11 = 1, 11 - 1 = 10 → no digit can be right.
        for digit in 0...9 {
            #expect(throws: ValidationError(field: "organisationNumber", reason: .badCheckDigit)) {
                try OrganisationNumber("40000000\(digit)")
            }
        }
    }

    @Test(arguments: ["0301", "4601", "5001"])
    func aFourDigitKommunenummerIsAccepted(_ raw: String) throws {
        #expect(try Kommunenummer(raw).fylkesnummer == String(raw.prefix(2)))
    }

    @Test(arguments: [
        ("301", ValidationError.Reason.wrongLength(expected: 4)),
        ("03011", .wrongLength(expected: 4)),
        ("03a1", .notDigits),
        ("", .missing),
    ])
    func anInvalidKommunenummerIsRefused(_ raw: String, _ reason: ValidationError.Reason) {
        #expect(throws: ValidationError(field: "kommunenummer", reason: reason)) { try Kommunenummer(raw) }
    }
}

@testable import Domain
import Foundation
import Testing

@Suite struct AgreementTests {
    static let now = Date(timeIntervalSince1970: 1_795_000_000)
    static let v1 = AgreementTemplate(version: "v1", effectiveDate: "2026-11-01", fields: [], text: "Avtale", textHash: "h1")
    static let v2 = AgreementTemplate(version: "v2", effectiveDate: "2026-11-20", fields: [], text: "Avtale 2", textHash: "h2")
    static func tenant() throws -> Tenant {
        Tenant(
        id: try TenantID("kommune-4601"), kind: .kommune, organisationNumber: nil, kommunenummer: nil, name: "Bergen",
        status: .registered, provisionedAt: now, createdAt: now, updatedAt: now)
    }

    static func signer(level: SecurityLevel = .level4) -> Principal {
        Principal(
            issuer: "i", subject: "s", personKey: PersonKey(digest: [UInt8](repeating: 1, count: 32)), hprNumber: nil,
            name: "Rita Rådmann", securityLevel: level, isSupport: false)
    }

    static func sign(
        _ template: AgreementTemplate = v1, current: AgreementTemplate = v1, signer: Principal = signer(),
        administrator: Bool = true, presented: String = "doc", existing: [Agreement] = []
    ) throws -> Agreement {
        let tenant = try Self.tenant()
        return try Agreement.sign(
            template: template, current: current, fields: [:], documentHash: "doc", presentedHash: presented,
            signer: signer, isAdministrator: administrator, tenant: tenant, existing: existing, id: UUID(), at: now)
    }

    @Test func aSignatureRecordsWhoWhenWhichVersionAndTheDocumentHash() throws {
        let agreement = try Self.sign()
        #expect(agreement.state == .awaitingCountersignature)
        #expect(agreement.templateVersion == "v1")
        #expect(agreement.templateHash == "h1")
        #expect(agreement.documentHash == "doc")
        #expect(agreement.signature.securityLevel == .level4)
        #expect(agreement.signature.at == Self.now)
    }

    @Test func everyRefusalOfASignatureNamesItsReason() throws {
        #expect(throws: AgreementError.securityLevelTooLow(.level3)) { try Self.sign(signer: Self.signer(level: .level3)) }
        #expect(throws: AgreementError.notAdministrator(try Self.tenant().id)) { try Self.sign(administrator: false) }
        #expect(throws: AgreementError.supersededVersion(requested: "v1", current: "v2")) { try Self.sign(current: Self.v2) }
        #expect(throws: AgreementError.documentMismatch) { try Self.sign(presented: "other") }
        let pending = try Self.sign()
        #expect(throws: AgreementError.awaitingCountersignature) { try Self.sign(existing: [pending]) }
        let inForce = try pending.countersigned(by: AgreementSignature(personKey: nil, name: "Støtte", hprNumber: nil, securityLevel: nil, at: Self.now))
        #expect(throws: AgreementError.alreadySigned(version: "v1")) { try Self.sign(existing: [inForce]) }
        #expect(try Self.sign(Self.v2, current: Self.v2, existing: [inForce]).templateVersion == "v2")
    }

    @Test func onlyAnAgreementAwaitingCountersignatureCanBeCountersigned() throws {
        let support = AgreementSignature(personKey: nil, name: "Støtte", hprNumber: nil, securityLevel: nil, at: Self.now)
        let inForce = try Self.sign().countersigned(by: support)
        #expect(inForce.state == .inForce)
        #expect(inForce.countersignature == support)
        #expect(throws: AgreementError.alreadyCountersigned) { try inForce.countersigned(by: support) }
        #expect(throws: AgreementError.notAwaitingCountersignature) { try inForce.superseded().countersigned(by: support) }
        #expect(throws: AgreementError.notAwaitingCountersignature) {
            try inForce.terminated(closingAt: Self.now).countersigned(by: support)
        }
    }

    @Test func aScanIsAcceptedOnlyWhenItsContentIsAPDFWithinTheLimit() throws {
        try PaperScan.validatePDF(Array("%PDF-1.7\nbody\n%%EOF\r\n".utf8))
        #expect(throws: AgreementError.scanEmpty) { try PaperScan.validatePDF([UInt8]()) }
        #expect(throws: AgreementError.scanNotPDF) { try PaperScan.validatePDF(Array("GIF89a %%EOF".utf8)) }
        #expect(throws: AgreementError.scanNotPDF) { try PaperScan.validatePDF(Array("%PDF-1.7 no end".utf8)) }
        let large = Array("%PDF-".utf8) + [UInt8](repeating: 32, count: PaperScan.maximumBytes) + Array("%%EOF".utf8)
        #expect(throws: AgreementError.scanTooLarge(maximum: PaperScan.maximumBytes)) { try PaperScan.validatePDF(large) }
    }

    @Test func theCanonicalFormSortsKeysAndEscapesOnlyWhatItMust() {
        let value = JSONValue.object([
            "b": .array([.int(-3), .bool(true), .null]), "a": .string("Ærlig \"sitat\"\n\\ /\u{1}"), "Z": .object([:]),
        ])
        #expect(value.canonical == #"{"Z":{},"a":"Ærlig \"sitat\"\n\\ /\u0001","b":[-3,true,null]}"#)
    }

    @Test func aSealedDocumentReadsBackFromItsFileForm() throws {
        let document = SealedDocument(
            kind: "test", content: .object(["x": .string("y")]), seal: .init(algorithm: "Ed25519", keyID: "k", signature: "s"))
        let parsed = try JSONDecoder().decode(JSONValue.self, from: Data(document.fileText.utf8))
        #expect(SealedDocument(file: parsed) == document)
        #expect(SealedDocument(file: .object(["format": .string("other")])) == nil)
    }

    @Test func isoDaysAreComputedInUTC() {
        #expect(Date(timeIntervalSince1970: 0).isoDay == "1970-01-01")
        #expect(Date(timeIntervalSince1970: 951_782_400).isoDay == "2000-02-29")
        #expect(Date(timeIntervalSince1970: 1_795_000_000).isoDay == "2026-11-18")
    }

    @Test func aRegistrationIsDecidedOnceAndARejectionNeedsAReason() throws {
        let registration = try Registration.submit(
            organisationNumber: "988077917", name: "Fjordlegene AS", contactEmail: "post@fjordlegene.no",
            programmes: ["alis", "alis", "lis1"], by: Self.signer(), id: UUID(), at: Self.now)
        #expect(registration.programmes == [.alis, .lis1])
        #expect(try registration.proposedTenantID.rawValue == "virksomhet-988077917")
        #expect(throws: RegistrationError.reasonRequired) { try registration.rejected(reason: " ", by: "s", at: Self.now) }
        let approved = try registration.approved(tenant: try TenantID("virksomhet-988077917"), by: "s", at: Self.now)
        #expect(throws: RegistrationError.alreadyDecided(.approved)) { try approved.rejected(reason: "Nei", by: "s", at: Self.now) }
        #expect(throws: ValidationError(field: "organisationNumber", reason: .badCheckDigit)) {
            try Registration.submit(
                organisationNumber: "988077918", name: "A", contactEmail: "a@b.no", programmes: ["alis"], by: Self.signer(),
                id: UUID(), at: Self.now)
        }
    }
}

@Suite struct AgreementTemplateFillTests {
    @Test(arguments: [
        ("{{a}} og {{b}}", "Oslo og 974770482"),
        ("{{{a}}}", "{Oslo}"),
        ("{{c}} {a} {{a", "{{c}} {a} {{a"),
        ("æøå {{a}}{{a}}", "æøå OsloOslo"),
        ("", ""),
        ("{", "{"),
        ("{{", "{{"),
        ("{{b}}", "974770482"),
    ])
    func fillingReplacesEveryNamedFieldAndLeavesOtherBracesAlone(text: String, expected: String) {
        #expect(AgreementTemplate.fill(text, with: ["a": "Oslo", "b": "974770482"]) == expected)
    }

    @Test func aFieldValueThatLooksLikeAFieldIsRefusedBeforeFilling() throws {
        let template = AgreementTemplate(
            version: "v1", effectiveDate: "2026-01-01", fields: ["a"], text: "Avtale med {{a}}.", textHash: "")
        #expect(throws: ValidationError.self) { try template.render(["a": "{{a}}"]) }
        #expect(throws: ValidationError.self) { try template.render([:]) }
        #expect(try template.render(["a": " Oslo kommune "]) == "Avtale med Oslo kommune.")
    }
}

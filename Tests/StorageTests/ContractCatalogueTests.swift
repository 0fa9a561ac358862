import Crypto
import Domain
import Foundation
import TestSupport
import Testing

@testable import Storage

@Suite struct ContractCatalogueTests {
    static let contracts = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Contracts")

    /// Every file of every published version still has the SHA-256 its manifest published.
    @Test func everyPublishedFileMatchesItsManifest() throws {
        let folders = try FileManager.default.contentsOfDirectory(at: Self.contracts, includingPropertiesForKeys: nil)
            .filter(\.hasDirectoryPath)
        #expect(!folders.isEmpty)
        for folder in folders {
            let manifest = try JSONSerialization.jsonObject(
                with: Data(contentsOf: folder.appendingPathComponent("manifest.json"))) as? [String: Any]
            let files = try #require(manifest?["files"] as? [[String: String]])
            #expect(!files.isEmpty)
            for file in files {
                let data = try Data(contentsOf: folder.appendingPathComponent(try #require(file["name"])))
                let hash = SHA256.hash(data: data).map { String(format: "%02x", $0) }.joined()
                #expect(hash == file["sha256"], "\(folder.lastPathComponent)/\(file["name"] ?? "")")
            }
        }
        let catalogue = try ContractCatalogue(directory: Self.contracts)
        #expect(catalogue.refused.isEmpty)
        #expect(catalogue.templates.count == folders.count)
    }

    @Test func theTextCoversArticle28AndNamesItsFields() throws {
        let template = try #require(try ContractCatalogue(directory: Self.contracts).template("v1"))
        for heading in [
            "Gjenstand og varighet", "Behandlingens art og formål", "Typer personopplysninger", "Kategorier registrerte",
            "bokstav a", "bokstav b", "bokstav c", "bokstav d", "bokstav e", "bokstav f", "bokstav g", "bokstav h",
            "Underdatabehandlere",
        ] {
            #expect(template.text.contains(heading), "missing: \(heading)")
        }
        #expect(template.fields == ["organisasjonsnavn", "organisasjonsnummer", "signatar"])
        for field in template.fields { #expect(template.text.contains("{{\(field)}}")) }
    }

    @Test func renderingFillsEveryFieldAndRefusesMissingOnes() throws {
        let template = try #require(try ContractCatalogue(directory: Self.contracts).template("v1"))
        let rendered = try template.render([
            "organisasjonsnavn": "Bergen kommune", "organisasjonsnummer": "964338531", "signatar": "Kari Nordmann",
        ])
        #expect(rendered.contains("**Bergen kommune**, organisasjonsnummer **964338531**"))
        #expect(!rendered.contains("{{"))
        #expect(throws: ValidationError(field: "signatar", reason: .missing)) {
            try template.render(["organisasjonsnavn": "Bergen kommune", "organisasjonsnummer": "964338531"])
        }
    }

    @Test func aTamperedVersionIsRefusedWithTheReason() throws {
        let folder = try TemporaryFolder()
        let copy = folder.url.appendingPathComponent("v1")
        try FileManager.default.copyItem(at: Self.contracts.appendingPathComponent("v1"), to: copy)
        let text = copy.appendingPathComponent("databehandleravtale.md")
        var data = try Data(contentsOf: text)
        data.append(contentsOf: Array("\nLeverandøren kan bruke opplysningene fritt.\n".utf8))
        try data.write(to: text)
        let catalogue = try ContractCatalogue(directory: folder.url)
        #expect(catalogue.templates.isEmpty)
        #expect(catalogue.refused["v1"] == "databehandleravtale.md does not match its published SHA-256")
        #expect(catalogue.current(on: "2030-01-01") == nil)
        #expect(
            throws: AgreementError.templateRefused(
                version: "v1", reason: "databehandleravtale.md does not match its published SHA-256")
        ) { try catalogue.currentTemplate(on: "2030-01-01") }
    }

    @Test func theCurrentVersionIsTheNewestInEffect() throws {
        let catalogue = try ContractCatalogue(directory: Self.contracts)
        #expect(catalogue.current(on: "2026-10-31") == nil)
        #expect(catalogue.current(on: "2026-11-01")?.version == "v1")
        #expect(throws: AgreementError.noTemplate) { try catalogue.currentTemplate(on: "2026-10-31") }
        #expect(try catalogue.currentTemplate(on: "2026-11-23").version == "v1")
        #expect(try catalogue.currentTemplate(on: "2026-12-04").version == "v2")
    }

    /// v2 corrects v1 without editing it: §1 points to §13 for termination, and the heading gives the date
    /// as dd.mm.åååå.
    @Test func versionTwoPointsToTheTerminationClauseAndWritesDatesTheNorwegianWay() throws {
        let catalogue = try ContractCatalogue(directory: Self.contracts)
        let v1 = try #require(catalogue.template("v1"))
        let v2 = try #require(catalogue.template("v2"))
        #expect(v1.text.contains("etter punkt 12."))
        #expect(v2.text.contains("etter punkt 13."))
        #expect(v2.text.contains("## 13. Varighet og oppsigelse"))
        #expect(v2.text.contains("gjelder fra \(try CalendarDate(iso: v2.effectiveDate).norwegian)"))
    }
}

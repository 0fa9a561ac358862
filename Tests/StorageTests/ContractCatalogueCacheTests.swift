import Domain
import Foundation
import TestSupport
import Testing

@testable import Storage

@Suite struct ContractCatalogueCacheTests {
    @Test func aKeptDraftIsTheTextTheCatalogueFillsInAndAnotherSignerOrNameGetsItsOwn() throws {
        let folder = try TemporaryFolder()
        try FileManager.default.copyItem(
            at: ContractCatalogueTests.contracts.appendingPathComponent("v1"), to: folder.url.appendingPathComponent("v1"))
        let cache = ContractCatalogueCache(directory: folder.url)
        let catalogue = try cache.catalogue()
        let template = try #require(catalogue.template("v1"))
        let tenant = try Tenant.newVirksomhet(
            id: Fixtures.tenantID("virksomhet-988077917"), organisationNumber: Fixtures.organisationNumber(Fixtures.legesenteretOrgnr),
            name: "Legesenteret AS", at: Fixtures.now)

        let first = try cache.draft(template, of: catalogue, tenant: tenant, signer: "Kari Nordmann")
        let again = try cache.draft(template, of: catalogue, tenant: tenant, signer: "Kari Nordmann")
        let fresh = try catalogue.draft(template, tenant: tenant, signer: "Kari Nordmann")
        #expect(first.document == fresh.document && first.documentHash == fresh.documentHash)
        #expect(again.document == fresh.document && again.fields == fresh.fields)
        #expect(first.document.contains("Kari Nordmann") && first.document.contains("Legesenteret AS"))

        let otherSigner = try cache.draft(template, of: catalogue, tenant: tenant, signer: "Ola Nordmann")
        #expect(otherSigner.document.contains("Ola Nordmann") && !otherSigner.document.contains("Kari Nordmann"))
        let renamed = try Tenant.newVirksomhet(
            id: tenant.id, organisationNumber: Fixtures.organisationNumber(Fixtures.legesenteretOrgnr),
            name: "Legesenteret Nord AS", at: Fixtures.now)
        let afterRename = try cache.draft(template, of: catalogue, tenant: renamed, signer: "Kari Nordmann")
        #expect(afterRename.document.contains("Legesenteret Nord AS"))
        #expect(afterRename.documentHash != first.documentHash)
    }

    @Test func aFileChangedInPlaceOrAVersionAddedIsVerifiedAgainAtTheNextRead() throws {
        let folder = try TemporaryFolder()
        let v1 = folder.url.appendingPathComponent("v1")
        try FileManager.default.copyItem(at: ContractCatalogueTests.contracts.appendingPathComponent("v1"), to: v1)
        let cache = ContractCatalogueCache(directory: folder.url)
        #expect(try cache.catalogue().templates.map(\.version) == ["v1"])

        // Appended to in place (same inode): refused with the reason at the next read.
        let text = v1.appendingPathComponent("databehandleravtale.md")
        let original = try Data(contentsOf: text)
        let handle = try FileHandle(forWritingTo: text)
        try handle.seekToEnd()
        try handle.write(contentsOf: Data("\nLeverandøren kan bruke opplysningene fritt.\n".utf8))
        try handle.close()
        let tampered = try cache.catalogue()
        #expect(tampered.templates.isEmpty)
        #expect(tampered.refused["v1"]?.contains("does not match its published SHA-256") == true)

        // Put back: offered again; a second version copied in: both offered.
        try original.write(to: text)
        #expect(try cache.catalogue().templates.map(\.version) == ["v1"])
        try FileManager.default.copyItem(
            at: ContractCatalogueTests.contracts.appendingPathComponent("v2"), to: folder.url.appendingPathComponent("v2"))
        #expect(try cache.catalogue().templates.map(\.version) == ["v1", "v2"])
    }

    @Test func anUnchangedFolderGivesTheSameFingerprintAndAReplacedFileAnother() throws {
        let folder = try TemporaryFolder()
        try FileManager.default.copyItem(
            at: ContractCatalogueTests.contracts.appendingPathComponent("v1"), to: folder.url.appendingPathComponent("v1"))
        let first = try ContractCatalogueCache.fingerprint(of: folder.url)
        #expect(first.count == 3)
        #expect(try ContractCatalogueCache.fingerprint(of: folder.url) == first)
        // Replaced with the same bytes through a new file (as an editor saves): a new inode.
        let manifest = folder.url.appendingPathComponent("v1/manifest.json")
        try Data(contentsOf: manifest).write(to: manifest, options: .atomic)
        #expect(try ContractCatalogueCache.fingerprint(of: folder.url) != first)
    }

    @Test func aFileRemovedFromAVersionFolderIsNoticedAtTheNextRead() throws {
        let folder = try TemporaryFolder()
        let v1 = folder.url.appendingPathComponent("v1")
        try FileManager.default.copyItem(at: ContractCatalogueTests.contracts.appendingPathComponent("v1"), to: v1)
        let cache = ContractCatalogueCache(directory: folder.url)
        #expect(try cache.catalogue().templates.map(\.version) == ["v1"])
        try FileManager.default.removeItem(at: v1.appendingPathComponent("databehandleravtale.md"))
        let after = try cache.catalogue()
        #expect(after.templates.isEmpty)
        #expect(after.refused["v1"] != nil)
    }
}

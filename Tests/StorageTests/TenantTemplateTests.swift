import Domain
import Foundation
import TestSupport
import Testing

@testable import Storage

@Suite struct TenantTemplateTests {
    @Test func theLeftoversOfAStartKilledHalfWayAreRemovedAtTheNextStart() throws {
        let fixture = try RegistryFixture()
        let folder = fixture.directory.templateFolder
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let leftover = "tenant-\(UUID().uuidString).sqlite.tmp"
        let leftovers = ["", "-wal", "-shm", "-journal"].map { leftover + $0 }
        let kept = ["notes.txt", "tenant-notes.sqlite"]
        for name in leftovers + kept {
            try Data("x".utf8).write(to: folder.appendingPathComponent(name))
        }

        _ = try TenantStore(directory: fixture.directory, maximumOpen: 2, logger: .init(label: "test"))

        let names = Set(try FileManager.default.contentsOfDirectory(atPath: folder.path))
        for name in leftovers { #expect(!names.contains(name), "\(name)") }
        for name in kept { #expect(names.contains(name), "\(name)") }
        #expect(names.contains("tenant.sqlite"))
        #expect(!names.contains { TenantTemplate.isLeftover($0) }, "the new build leaves nothing behind")
    }

    @Test(arguments: [
        ("tenant-1B4E28BA-2FA1-11D2-883F-0016D3CCA427.sqlite.tmp", true),
        ("tenant-1B4E28BA-2FA1-11D2-883F-0016D3CCA427.sqlite.tmp-wal", true),
        ("tenant-1B4E28BA-2FA1-11D2-883F-0016D3CCA427.sqlite.tmp-shm", true),
        ("tenant-1B4E28BA-2FA1-11D2-883F-0016D3CCA427.sqlite.tmp-journal", true),
        ("tenant.sqlite", false),
        ("build.lock", false),
        ("other.sqlite.tmp", false),
    ])
    func onlyTemporaryTemplateFilesCountAsLeftovers(_ name: String, _ leftover: Bool) {
        #expect(TenantTemplate.isLeftover(name) == leftover)
    }
}

import Domain
import Foundation
import GRDB
import TestSupport
import Testing

@testable import Storage

@Suite struct AuditLogTests {
    /// A registry with a few audited changes.
    static func audited() async throws -> RegistryFixture {
        let fixture = try RegistryFixture()
        for (index, name) in ["legesenteret", "klinikken"].enumerated() {
            _ = try await fixture.registry.createVirksomhet(
                id: Fixtures.tenantID(name),
                organisationNumber: Fixtures.organisationNumber([Fixtures.legesenteretOrgnr, Fixtures.klinikkenOrgnr][index]),
                name: name, actor: "support:s", at: Fixtures.now)
        }
        let store = try TenantStore(directory: fixture.directory, maximumOpen: 2, logger: .init(label: "t"))
        _ = try await TenantProvisioner(registry: fixture.registry, store: store)
            .provision(Fixtures.tenantID("legesenteret"), actor: "support:s", at: Fixtures.now)
        return fixture
    }

    @Test func everyChangeIsChainedToTheOneBefore() async throws {
        let fixture = try await Self.audited()
        let entries = try fixture.registry.auditEntries()
        #expect(entries.map(\.action) == ["tenant.create", "tenant.create", "tenant.provision"])
        #expect(entries.first?.previousHash == AuditLog.genesis)
        for (earlier, later) in zip(entries, entries.dropFirst()) { #expect(later.previousHash == earlier.hash) }
        #expect(try fixture.registry.verifyAudit() == .intact(entries: 3))
        #expect(try fixture.registry.auditEntries(tenant: Fixtures.tenantID("klinikken")).count == 1)
    }

    @Test func theDatabaseRefusesToEditOrDeleteAnEntry() async throws {
        let fixture = try await Self.audited()
        let queue = try DatabaseQueue(path: fixture.directory.registryPath)
        defer { try? queue.close() }
        #expect(throws: DatabaseError.self) { try queue.write { try $0.execute(sql: "UPDATE audit SET actor = 'x'") } }
        #expect(throws: DatabaseError.self) { try queue.write { try $0.execute(sql: "DELETE FROM audit WHERE id = 2") } }
        #expect(try fixture.registry.verifyAudit() == .intact(entries: 3))
    }

    /// Someone with the file drops the triggers and edits: the chain shows where.
    @Test(arguments: [
        ("UPDATE audit SET actor = 'someone else' WHERE id = 2", Int64(2), "its content was changed"),
        ("DELETE FROM audit WHERE id = 2", Int64(3), "does not follow the entry before it"),
        ("UPDATE audit SET detail = 'x' WHERE id = 3", Int64(3), "its content was changed"),
    ])
    func anEditBehindTheDatabasesBackIsDetected(_ sql: String, _ entry: Int64, _ reason: String) async throws {
        let fixture = try await Self.audited()
        let queue = try DatabaseQueue(path: fixture.directory.registryPath)
        try await queue.write { db in
            try db.execute(sql: "DROP TRIGGER audit_noUpdate; DROP TRIGGER audit_noDelete")
            try db.execute(sql: sql)
        }
        try queue.close()
        #expect(try fixture.registry.verifyAudit() == .broken(atEntry: entry, reason: reason))
    }
}

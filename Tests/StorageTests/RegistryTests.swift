import Domain
import Foundation
import GRDB
import TestSupport
import Testing

@testable import Storage

/// A registry in a temporary folder, as on a first start.
struct RegistryFixture {
    let folder: TemporaryFolder
    let directory: TenantDirectory
    let registry: Registry

    init(cacheLifetime: Duration = .seconds(2)) throws {
        folder = try TemporaryFolder()
        directory = TenantDirectory(root: folder.url)
        registry = try Registry(
            path: directory.registryPath, kommuner: try KommuneCatalog.bundled(), cacheLifetime: cacheLifetime,
            now: Fixtures.now)
    }

    func rawCount(_ sql: String) throws -> Int {
        let queue = try DatabaseQueue(path: directory.registryPath)
        defer { try? queue.close() }
        return try queue.read { db in try Int.fetchOne(db, sql: sql) ?? -1 }
    }
}

@Suite struct RegistryTests {
    @Test func allThreeHundredFiftySevenKommunerAreRegisteredOnFirstStart() throws {
        let fixture = try RegistryFixture()
        let kommuner = try fixture.registry.tenants(kind: .kommune)
        #expect(kommuner.count == 357)
        #expect(kommuner.allSatisfy { $0.status == .registered && !$0.isProvisioned })
        let oslo = try #require(try fixture.registry.tenant(Fixtures.tenantID("kommune-0301")))
        #expect(oslo.name == "Oslo")
        #expect(oslo.kommunenummer?.rawValue == "0301")
    }

    @Test func reopeningTheRegistryDoesNotLoadTheKommunerAgain() throws {
        let fixture = try RegistryFixture()
        try fixture.registry.close()
        let again = try Registry(
            path: fixture.directory.registryPath, kommuner: try KommuneCatalog.bundled(), now: Fixtures.now)
        #expect(try again.tenants().count == 357)
    }

    @Test func theKommuneCatalogValidatesAgainstTheTwentyTwentyFourList() throws {
        let catalog = try KommuneCatalog.bundled()
        #expect(try catalog.validate("4601").name == "Bergen")
        #expect(throws: ValidationError(field: "kommunenummer", reason: .unknownKommunenummer)) {
            try catalog.validate("0000")
        }
        // Kommuner merged or split before 2024 are not in the list.
        #expect(throws: ValidationError(field: "kommunenummer", reason: .unknownKommunenummer)) {
            try catalog.validate("1201")
        }
        #expect(throws: ValidationError(field: "kommunenummer", reason: .wrongLength(expected: 4))) {
            try catalog.validate("301")
        }
    }

    @Test func aVirksomhetIsCreatedAsRegisteredWithAnEvent() async throws {
        let fixture = try RegistryFixture()
        let id = Fixtures.tenantID("legesenteret")
        let tenant = try await fixture.registry.createVirksomhet(
            id: id, organisationNumber: try OrganisationNumber(Fixtures.legesenteretOrgnr), name: " Legesenteret AS ",
            actor: "support:test", at: Fixtures.now)
        #expect(tenant.status == .registered)
        #expect(tenant.name == "Legesenteret AS")
        #expect(try fixture.registry.tenant(id) == tenant)
        let events = try fixture.registry.events(of: id)
        #expect(events.map(\.action) == ["create"])
        #expect(events.first?.actor == "support:test")
    }

    @Test func aSecondTenantWithTheSameIdOrOrganisationNumberIsRefusedAndNothingIsWritten() async throws {
        let fixture = try RegistryFixture()
        let number = try OrganisationNumber(Fixtures.legesenteretOrgnr)
        _ = try await fixture.registry.createVirksomhet(
            id: Fixtures.tenantID("legesenteret"), organisationNumber: number, name: "A", actor: "t", at: Fixtures.now)
        let before = try fixture.rawCount("SELECT COUNT(*) FROM tenant")
        await #expect(throws: TenantError.alreadyExists(Fixtures.tenantID("legesenteret"))) {
            try await fixture.registry.createVirksomhet(
                id: Fixtures.tenantID("legesenteret"), organisationNumber: try OrganisationNumber(Fixtures.klinikkenOrgnr),
                name: "B", actor: "t", at: Fixtures.now)
        }
        await #expect(throws: TenantError.organisationNumberTaken(number)) {
            try await fixture.registry.createVirksomhet(
                id: Fixtures.tenantID("klinikken"), organisationNumber: number, name: "C", actor: "t", at: Fixtures.now)
        }
        #expect(try fixture.rawCount("SELECT COUNT(*) FROM tenant") == before)
        #expect(try fixture.rawCount("SELECT COUNT(*) FROM tenantEvent") == 1)
    }

    @Test func theLifecycleIsRecordedStepByStep() async throws {
        let fixture = try RegistryFixture()
        let store = try TenantStore(directory: fixture.directory, maximumOpen: 4, logger: .init(label: "test"))
        let provisioner = TenantProvisioner(registry: fixture.registry, store: store)
        let id = Fixtures.tenantID("kommune-4601")
        try await fixture.registry.openForTests(id, provisioner: provisioner, seal: try PlatformSeal(privateKey: PlatformSeal.generateKey()), at: Fixtures.now)
        for transition in [TenantTransition.suspend, .resume] {
            _ = try await fixture.registry.apply(transition, to: id, actor: "t", at: Fixtures.now)
        }
        _ = try await fixture.registry.terminate(
            id, closesAt: Fixtures.now, party: "databehandler", reason: nil, actor: "t", at: Fixtures.now
        ) { _, recipient in OutgoingMail(id: UUID(), recipient: recipient, subject: "", body: "") }
        let events = try fixture.registry.events(of: id)
        #expect(events.map(\.action) == ["provision", "agreement.sign", "agreement.countersign", "suspend", "resume", "terminate"])
        #expect(events.map(\.to) == [.registered, .agreementPending, .active, .suspended, .active, .terminated])
        #expect(try fixture.registry.tenant(id)?.status == .terminated)
    }

    @Test func aRefusedTransitionChangesNothing() async throws {
        let fixture = try RegistryFixture()
        let id = Fixtures.tenantID("kommune-0301")
        await #expect(throws: TenantError.transitionNotAllowed(id, from: .registered, transition: "suspend")) {
            try await fixture.registry.apply(.suspend, to: id, actor: "t", at: Fixtures.now)
        }
        await #expect(throws: TenantError.transitionNotAllowed(id, from: .registered, transition: "resume")) {
            try await fixture.registry.apply(.resume, to: id, actor: "t", at: Fixtures.now)
        }
        #expect(try fixture.registry.tenant(id)?.status == .registered)
        #expect(try fixture.registry.events(of: id).isEmpty)
    }

    @Test func theEventLogCannotBeEditedOrDeleted() async throws {
        let fixture = try RegistryFixture()
        _ = try await fixture.registry.createVirksomhet(
            id: Fixtures.tenantID("legesenteret"), organisationNumber: try OrganisationNumber(Fixtures.legesenteretOrgnr),
            name: "A", actor: "t", at: Fixtures.now)
        let queue = try DatabaseQueue(path: fixture.directory.registryPath)
        defer { try? queue.close() }
        #expect(throws: DatabaseError.self) {
            try queue.write { db in try db.execute(sql: "UPDATE tenantEvent SET actor = 'someone else'") }
        }
        #expect(throws: DatabaseError.self) {
            try queue.write { db in try db.execute(sql: "DELETE FROM tenantEvent") }
        }
        #expect(try fixture.registry.events(of: Fixtures.tenantID("legesenteret")).first?.actor == "t")
    }

    @Test func aChangeThroughTheRegistryIsVisibleAtOnceDespiteTheCache() async throws {
        let fixture = try RegistryFixture(cacheLifetime: .seconds(3600))
        let store = try TenantStore(directory: fixture.directory, maximumOpen: 4, logger: .init(label: "test"))
        let id = Fixtures.tenantID("kommune-0301")
        #expect(try fixture.registry.tenant(id)?.isProvisioned == false)
        try await fixture.registry.openForTests(
            id, provisioner: TenantProvisioner(registry: fixture.registry, store: store),
            seal: try PlatformSeal(privateKey: PlatformSeal.generateKey()), at: Fixtures.now)
        #expect(try fixture.registry.tenant(id)?.status == .active)
    }

    @Test func aChangeByAnotherProcessIsSeenOnceTheCacheEntryExpires() async throws {
        let fixture = try RegistryFixture(cacheLifetime: .milliseconds(50))
        let id = Fixtures.tenantID("kommune-0301")
        #expect(try fixture.registry.tenant(id)?.name == "Oslo")
        let other = try DatabaseQueue(path: fixture.directory.registryPath)
        try await other.write { db in try db.execute(sql: "UPDATE tenant SET name = 'Oslo kommune' WHERE id = 'kommune-0301'") }
        try other.close()
        try await Task.sleep(for: .milliseconds(80))
        #expect(try fixture.registry.tenant(id)?.name == "Oslo kommune")
    }
}

import Domain
import Engine
import Foundation
import TestSupport
import Testing

@testable import API

/// The delivery worker after a restart: it knows of no pending tenant until it looks.
@Suite struct MailRecoveryTests {
    /// A worker as it is right after a restart, on the same files as `app`, that would wait an hour for its
    /// first poll: whatever it sends, it sends at start.
    static func restartedMailer(_ app: TestApp) -> MailDeliveryService {
        let clock = app.clock
        return MailDeliveryService(
            registry: app.services.registry, store: app.services.tenantStore,
            transport: FileMailTransport(folder: app.folder.url.appendingPathComponent("_mail")),
            from: app.services.configuration.mail.from, pollInterval: .seconds(3600), logger: app.services.logger,
            now: { clock.now })
    }

    @Test func mailQueuedBeforeARestartIsDeliveredAtStartThoughAnotherTenantsFileIsMissing() async throws {
        let app = try TestApp()
        // Listed before Oslo (the registry lists tenants by id), so its failure comes first.
        let missing = try await app.activate("a-missing-file")
        let oslo = try await app.activate("kommune-0301")
        // Through the engine, as the handlers call it, and not through the router: a router test runs the
        // application's own delivery worker, which could deliver the message first.
        let engine = app.services.engine
        let caller = TenantCaller(
            tenant: try app.services.registry.requireTenant(oslo),
            principal: try await app.services.verifier.verify(token: try await app.token()))
        let trainee = try await engine.people.registerTrainee(caller, programme: .lis1, email: nil)
        _ = try await engine.people.invite(
            caller, trainee: trainee.id, role: .veileder, email: "vera@oslo.kommune.no", replacesHolder: false)
        // The server stops before delivering; meanwhile the other tenant's folder is lost.
        try FileManager.default.removeItem(at: app.services.directory.folder(for: missing))

        let sent = await Self.restartedMailer(app).recoverAtStart()

        #expect(sent == 1)
        let mailFolder = app.folder.url.appendingPathComponent("_mail")
        #expect(ReceivedMail.all(in: mailFolder).map(\.to) == ["vera@oslo.kommune.no"])
        let unsent = try await app.services.tenantStore.withDatabase(oslo) { try $0.hasUnsentMail() }
        #expect(!unsent)
    }

    @Test("The pass at start finds mail in a tenant whose file is closed, and opens no other tenant's pool")
    func thePassAtStartOpensOnlyTheTenantsWithMail() async throws {
        let app = try TestApp()
        let quiet = try await app.activate("kommune-0219")
        let oslo = try await app.activate("kommune-0301")
        let caller = TenantCaller(
            tenant: try app.services.registry.requireTenant(oslo),
            principal: try await app.services.verifier.verify(token: try await app.token()))
        let trainee = try await app.services.engine.people.registerTrainee(caller, programme: .lis1, email: nil)
        _ = try await app.services.engine.people.invite(
            caller, trainee: trainee.id, role: .veileder, email: "vera@oslo.kommune.no", replacesHolder: false)
        let store = app.services.tenantStore
        await store.closeAll()
        #expect(store.openCount == 0)

        let sent = await Self.restartedMailer(app).recoverAtStart()

        #expect(sent == 1)
        // Oslo's pool was opened to mark the message sent; the tenant without mail was only glanced at.
        #expect(store.isOpen(oslo))
        #expect(!store.isOpen(quiet))
    }
}

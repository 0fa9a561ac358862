import API
import ArgumentParser
import Foundation

/// `kp migrate`: brings the registry and every provisioned tenant database to this binary's schema.
struct MigrateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "migrate", abstract: "Migrate the registry and all tenant databases.")
    @OptionGroup var options: CommonOptions

    func run() async throws {
        // Opening the registry migrates it; opening a tenant database migrates it (or refuses a newer one).
        let services = try options.makeServices(logLevel: .warning)
        var migrated = 0
        var failed = 0
        for tenant in try services.registry.tenants() where tenant.isProvisioned {
            do {
                try await services.tenantStore.withDatabase(tenant.id) { _ in }
                migrated += 1
            } catch {
                failed += 1
                print("\(tenant.id): \(ProblemMapping.map(error).problem.code)")
            }
        }
        await services.tenantStore.closeAll()
        print("registry migrated; \(migrated) tenant database(s) migrated, \(failed) refused")
        if failed > 0 { throw ExitCode.failure }
    }
}

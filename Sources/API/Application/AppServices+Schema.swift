import Domain
import Storage

extension AppServices {
    /// The server's start: refuses when provisioned tenants are on an older schema than this binary's and
    /// `tenants.migrateOnOpen` is off, or when any is on a newer one (`MigrationError`).
    ///
    /// Cheap for thousands of tenants: one query on the registry's record of each tenant's version
    /// (`TenantMigrator.census`), no tenant file opened, except once for tenants provisioned before the
    /// versions were recorded.
    ///
    /// Refusing is the default because a migration of every tenant is an operation to run on purpose, timed,
    /// after a backup, with its failures listed (`kp migrate`); migrating on open spreads it over the first
    /// request of each tenant, where a failure reaches a user and a slow migration holds up their request.
    package func checkTenantSchemas() throws -> Registry.SchemaCensus {
        let census = try tenantMigrator.census()
        let version = tenantMigrator.schema.version
        if census.ahead > 0 { throw MigrationError.tenantsAhead(ahead: census.ahead, version: version) }
        if census.behind > 0 {
            guard configuration.tenants.migrateOnOpen else {
                throw MigrationError.tenantsBehind(behind: census.behind, total: census.total, version: version)
            }
            logger.notice(
                "tenants on an older schema are migrated when first opened (tenants.migrateOnOpen)",
                metadata: ["behind": "\(census.behind)", "version": "\(version)"])
        }
        return census
    }
}

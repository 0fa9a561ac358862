/// Why the tenant databases are not on the schema a `kp` command or the server's start needs. Only `kp`
/// gives these (no HTTP request can cause them).
package enum MigrationError: DescribedFailure, Equatable {
    /// `behind` of the `total` provisioned tenants are on an older schema than `version`, and the server is
    /// not told to migrate each one when it first opens it (`tenants.migrateOnOpen`).
    case tenantsBehind(behind: Int, total: Int, version: Int)
    /// `ahead` tenants were migrated by a newer binary; this one would refuse them all.
    case tenantsAhead(ahead: Int, version: Int)
    case unknownTestMigration(String, known: [String])
    /// A provisioned tenant's file is not where the registry says it is.
    case fileMissing(TenantID)

    package var code: String {
        switch self {
        case .tenantsBehind: "migration.required"
        case .tenantsAhead: "migration.schema-too-new"
        case .unknownTestMigration: "migration.unknown-test-migration"
        case .fileMissing: "migration.file-missing"
        }
    }

    package var category: FailureCategory {
        switch self {
        case .tenantsBehind, .tenantsAhead: .unavailable
        case .unknownTestMigration: .invalid
        case .fileMissing: .unavailable
        }
    }

    package var detail: String {
        switch self {
        case .tenantsBehind(let behind, let total, let version):
            "\(behind) of \(total) tenant databases are on an older schema than this binary's (version \(version)); "
                + "run `kp migrate` with the same --config/--demo first, or set tenants.migrateOnOpen to migrate "
                + "each one when it is first opened"
        case .tenantsAhead(let ahead, let version):
            "\(ahead) tenant databases were migrated by a newer binary (beyond schema version \(version)); "
                + "run that binary, or restore those tenants from before the migration"
        case .unknownTestMigration(let name, let known):
            "no test migration is named '\(name)' (known: \(known.joined(separator: ", ")))"
        case .fileMissing(let id): "tenant \(id) is provisioned, but its database file is missing"
        }
    }

    package var message: String {
        switch self {
        case .tenantsBehind: "Databasene til noen virksomheter må migreres før tjenesten kan starte."
        case .tenantsAhead: "Databasene til noen virksomheter er laget av en nyere versjon av portalen."
        case .unknownTestMigration: "Ukjent testmigrering."
        case .fileMissing: "Databasefilen til virksomheten mangler. Kontakt brukerstøtte."
        }
    }
}

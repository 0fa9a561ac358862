import Domain
import Foundation
import GRDB

/// The schema version of each provisioned tenant's file, as recorded in the registry (`tenantSchema`).
///
/// The file itself (`PRAGMA user_version`, written in the same transaction as its migrations) is the truth;
/// the registry's record is what lets the server's start and `kp migrate` know where every tenant stands
/// without opening thousands of files. It is written after the file's transaction commits, so a run killed
/// in between leaves a record that is behind the file, never ahead of it: the next run opens that file,
/// finds it current, and only records it.
extension Registry {
    /// One provisioned tenant and the version recorded for its file (nil: none recorded yet).
    package struct SchemaState: Sendable, Equatable {
        package let tenant: TenantID
        package let version: Int?
    }

    /// How the provisioned tenants stand against `version`, from one query.
    package struct SchemaCensus: Sendable, Equatable {
        package var total = 0
        package var current = 0
        package var behind = 0
        package var ahead = 0
        /// Provisioned before versions were recorded.
        package var unknown = 0
    }

    package func schemaStates() throws -> [SchemaState] {
        try pool.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT t.id, s.version FROM tenant t LEFT JOIN tenantSchema s ON s.tenantId = t.id
                    WHERE t.provisionedAt IS NOT NULL ORDER BY t.id
                    """
            ).map { row in SchemaState(tenant: try TenantID(row["id"]), version: row["version"]) }
        }
    }

    package func schemaCensus(version: Int) throws -> SchemaCensus {
        try pool.read { db in
            let row = try Row.fetchOne(
                db,
                sql: """
                    SELECT count(*) AS total,
                        coalesce(sum(s.version = :version), 0) AS current,
                        coalesce(sum(s.version < :version), 0) AS behind,
                        coalesce(sum(s.version > :version), 0) AS ahead,
                        coalesce(sum(s.version IS NULL), 0) AS unknown
                    FROM tenant t LEFT JOIN tenantSchema s ON s.tenantId = t.id
                    WHERE t.provisionedAt IS NOT NULL
                    """,
                arguments: ["version": version])
            guard let row else { return SchemaCensus() }
            return SchemaCensus(
                total: row["total"], current: row["current"], behind: row["behind"], ahead: row["ahead"],
                unknown: row["unknown"])
        }
    }

    /// Records the version a tenant's file is on now (after provisioning, a migration, or a look at the file).
    package func recordSchemaVersion(_ id: TenantID, version: Int, at now: Date) throws {
        try pool.write { db in try Self.recordSchemaVersion(db, id, version: version, at: now) }
    }

    static func recordSchemaVersion(_ db: Database, _ id: TenantID, version: Int, at now: Date) throws {
        try db.execute(
            sql: """
                INSERT INTO tenantSchema (tenantId, version, recordedAt) VALUES (?, ?, ?)
                ON CONFLICT (tenantId) DO UPDATE SET version = excluded.version, recordedAt = excluded.recordedAt
                """,
            arguments: [id.rawValue, version, now])
    }
}

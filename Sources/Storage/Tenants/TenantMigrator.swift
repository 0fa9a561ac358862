import Dispatch
import Domain
import Foundation
import GRDB
import Synchronization

/// Brings provisioned tenants' files to the schema, outside the store's pools, each in one transaction, and
/// records each one's version in the registry (`Registry+Schema`): what `kp migrate` runs, and what the
/// server's start counts.
///
/// Resumable by construction: a tenant whose recorded version is the schema's is not looked at again; one
/// that is behind is opened, and its file says (in the same transaction as its migrations) whether it was
/// migrated already by a run killed before it could record it. No file is ever migrated twice.
package struct TenantMigrator: Sendable {
    package let registry: Registry
    package let directory: TenantDirectory
    package let schema: TenantSchema
    package let now: @Sendable () -> Date
    static let maintenanceReason = "migration"

    package init(registry: Registry, directory: TenantDirectory, schema: TenantSchema, now: @escaping @Sendable () -> Date) {
        self.registry = registry
        self.directory = directory
        self.schema = schema
        self.now = now
    }

    /// The tenants a run looks at: those whose recorded version is not the schema's (all with `recheck`), by id.
    package func pending(recheck: Bool = false) throws -> (pending: [TenantID], provisioned: Int) {
        let states = try registry.schemaStates()
        let pending = states.filter { recheck || $0.version != schema.version }.map(\.tenant)
        return (pending, states.count)
    }

    /// Migrates one tenant's file in place and records its version.
    package func migrate(_ id: TenantID) throws -> TenantSchema.Outcome {
        let queue = try open(id)
        defer { try? queue.close() }
        let outcome: TenantSchema.Outcome
        if try TenantSchema.fileVersion(queue) == schema.version {
            outcome = .current
        } else {
            outcome = try duringMaintenance(id) { try schema.migrate(queue, tenant: id) }
        }
        try registry.recordSchemaVersion(id, version: schema.version, at: now())
        return outcome
    }

    /// The one place a tenant is in maintenance while its file migrates (`TenantMaintenance`'s marker), so
    /// that a server running on the same folder answers its requests with 503 `tenant.maintenance` and
    /// `Retry-After` for those seconds only; a file that is current already, and a dry run, never get here.
    /// A tenant being restored (its marker set) is refused, not migrated under the restore.
    ///
    /// No settling wait, unlike a restore: the migration does not replace the file, it changes it in one
    /// SQLite transaction, so a request still inside the tenant when the marker appears sees the file before
    /// or after, never between (SQLite's write lock and the server's busy timeout order them).
    private func duringMaintenance<T>(_ id: TenantID, _ body: () throws -> T) throws -> T {
        let maintenance = TenantMaintenance(directory: directory)
        do {
            try maintenance.begin(id, reason: Self.maintenanceReason, replacesFile: false)
        } catch {
            // A migration killed inside its transaction left its marker; SQLite rolled the file back, and
            // this run takes the tenant over. Any other marker (a restore) is respected.
            guard let marker = maintenance.current()[id], marker.reason == Self.maintenanceReason,
                marker.processID != ProcessInfo.processInfo.processIdentifier, kill(marker.processID, 0) != 0
            else { throw error }
            maintenance.end(id)
            try maintenance.begin(id, reason: Self.maintenanceReason, replacesFile: false)
        }
        defer { maintenance.end(id) }
        return try body()
    }

    /// A dry run of one tenant: the same migration on a copy (SQLite's backup of the live file, WAL
    /// included) in `folder`, removed afterwards. The tenant's own file is only read, and nothing is recorded.
    package func rehearse(_ id: TenantID, in folder: URL) throws -> TenantSchema.Outcome {
        let copyPath = folder.appendingPathComponent("\(id.rawValue).sqlite").path
        defer {
            for suffix in ["", "-wal", "-shm", "-journal"] { try? FileManager.default.removeItem(atPath: copyPath + suffix) }
        }
        let source = try open(id)
        let copy: DatabaseQueue
        do {
            copy = try DatabaseSetup.openTenantQueue(at: copyPath)
            try source.backup(to: copy)
            try source.close()
        } catch {
            try? source.close()
            throw error
        }
        defer { try? copy.close() }
        return try schema.migrate(copy, tenant: id)
    }

    /// How the provisioned tenants stand, for the server's start: one query on the registry. Tenants
    /// provisioned before versions were recorded are looked at once (their file's `user_version`) and
    /// recorded, so a later start never opens them again; one whose file cannot be read stays unknown here
    /// (its requests report it, as they would without this check).
    package func census() throws -> Registry.SchemaCensus {
        let census = try registry.schemaCensus(version: schema.version)
        guard census.unknown > 0 else { return census }
        for state in try registry.schemaStates() where state.version == nil {
            guard let queue = try? open(state.tenant) else { continue }
            let version = try? TenantSchema.fileVersion(queue)
            try? queue.close()
            if let version { try registry.recordSchemaVersion(state.tenant, version: version, at: now()) }
        }
        return try registry.schemaCensus(version: schema.version)
    }

    private func open(_ id: TenantID) throws -> DatabaseQueue {
        let path = directory.databasePath(for: id)
        guard FileManager.default.fileExists(atPath: path) else { throw MigrationError.fileMissing(id) }
        return try DatabaseSetup.openTenantQueue(at: path)
    }
}

extension TenantMigrator {
    /// Why a tenant's migration failed, in one line for the operator: the error's own detail, or SQLite's
    /// result code and message (which name the table or column, never row values).
    package static func reason(_ error: any Error) -> String {
        if let failure = error as? any DescribedFailure { return "\(failure.code): \(failure.detail)" }
        if let error = error as? DatabaseError {
            return "SQLite error \(error.resultCode.rawValue): \(error.message ?? "(no message)")"
        }
        return String(describing: error)
    }
}

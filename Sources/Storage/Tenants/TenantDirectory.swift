import Domain
import Foundation

/// The layout of the `Tenants/` folder: the only code that turns a `TenantID` into a path.
///
/// ```
/// Tenants/_registry/registry.sqlite
/// Tenants/_template/tenant.sqlite      migrated template, copied on provisioning
/// Tenants/<tenant-id>/tenant.sqlite
/// Tenants/_exports/<tenant-id>/<export-id>/   tenant.sqlite + export.json after a return
/// Tenants/_agreements/<tenant-id>/<sha256>.pdf scanned paper agreements
/// Tenants/_maintenance/<tenant-id>            a tenant in maintenance (`TenantMaintenance`)
/// Tenants/_backup/                            generated Litestream configurations, heartbeats, restores
/// ```
/// Reserved folders start with `_`, which a `TenantID` can never contain.
package struct TenantDirectory: Sendable {
    package let root: URL
    /// `root.path` with a slash at its end: the paths a request needs (its tenant's file, the maintenance marker)
    /// are built from it by joining strings. Through `URL` that was 4–7% of opening a tenant's file (`perf`).
    private let rootPrefix: String

    package init(root: URL) {
        self.root = root.standardizedFileURL
        let path = self.root.path
        rootPrefix = path.hasSuffix("/") ? path : path + "/"
    }

    package var registryFolder: URL { root.appendingPathComponent("_registry", isDirectory: true) }
    package var registryPath: String { registryFolder.appendingPathComponent("registry.sqlite").path }
    package var templateFolder: URL { root.appendingPathComponent("_template", isDirectory: true) }
    package var templatePath: String { templateFolder.appendingPathComponent("tenant.sqlite").path }
    package var developmentFolder: URL { root.appendingPathComponent("_dev", isDirectory: true) }

    /// Data exports for a controller whose agreement ended (`_exports/<tenant-id>/<export-id>/`).
    package func exportsFolder(for id: TenantID) -> URL {
        root.appendingPathComponent("_exports", isDirectory: true).appendingPathComponent(id.rawValue, isDirectory: true)
    }

    /// Scanned paper agreements (`_agreements/<tenant-id>/<sha256>.pdf`).
    package func agreementsFolder(for id: TenantID) -> URL {
        root.appendingPathComponent("_agreements", isDirectory: true).appendingPathComponent(id.rawValue, isDirectory: true)
    }

    package func folder(for id: TenantID) -> URL {
        root.appendingPathComponent(id.rawValue, isDirectory: true)
    }

    package func databasePath(for id: TenantID) -> String {
        rootPrefix + id.rawValue + "/tenant.sqlite"
    }

    /// One marker file per tenant in maintenance (`TenantMaintenance`).
    package var maintenanceFolder: URL { root.appendingPathComponent("_maintenance", isDirectory: true) }

    package func maintenanceMarker(for id: TenantID) -> URL {
        maintenanceFolder.appendingPathComponent(id.rawValue)
    }

    /// `maintenanceMarker(for:).path`, without `URL`: checked on every open of a tenant's file.
    package func maintenanceMarkerPath(for id: TenantID) -> String {
        rootPrefix + "_maintenance/" + id.rawValue
    }

    /// What `kp` generates to run Litestream (configurations, heartbeat files) and restores into.
    package var backupFolder: URL { root.appendingPathComponent("_backup", isDirectory: true) }

    /// Where a tenant's file lives below the tenants folder, and so below the replica's root.
    package func relativeDatabasePath(for id: TenantID) -> String { "\(id.rawValue)/tenant.sqlite" }

    package static let relativeRegistryPath = "_registry/registry.sqlite"

    /// The ids of the folders that hold a tenant file now (a scan of the folder, no registry).
    package func tenantsOnDisk() -> [TenantID] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: root.path)) ?? []
        return names.compactMap { name in
            guard let id = try? TenantID(name),
                FileManager.default.fileExists(atPath: databasePath(for: id))
            else { return nil }
            return id
        }.sorted { $0.rawValue < $1.rawValue }
    }

    package func createReservedFolders() throws {
        for folder in [registryFolder, templateFolder] {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        }
    }
}

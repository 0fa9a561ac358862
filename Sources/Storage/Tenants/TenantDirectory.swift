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
/// ```
/// Reserved folders start with `_`, which a `TenantID` can never contain.
package struct TenantDirectory: Sendable {
    package let root: URL

    package init(root: URL) {
        self.root = root.standardizedFileURL
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
        folder(for: id).appendingPathComponent("tenant.sqlite").path
    }

    package func createReservedFolders() throws {
        for folder in [registryFolder, templateFolder] {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        }
    }
}

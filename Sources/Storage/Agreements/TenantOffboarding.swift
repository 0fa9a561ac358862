import Crypto
import Domain
import Foundation

/// What happens to a tenant's data after its agreement ended: returned (online backup + JSON export,
/// for the tenant administrator to download) or deleted (file, side files and exports removed). Each
/// ends with a sealed statement saying what was done and when.
package struct TenantOffboarding: Sendable {
    /// How long backups taken by the operator's infrastructure may outlive a deletion; the statement
    /// names the date by which they expire.
    package static let backupRetentionDays = 35

    package let registry: Registry
    package let store: TenantStore

    package init(registry: Registry, store: TenantStore) {
        self.registry = registry
        self.store = store
    }

    package func returnData(
        _ id: TenantID, seal: PlatformSeal, actor: String, exportID: UUID, statementID: UUID, at now: Date,
        mail: @escaping @Sendable (Tenant, SealedDocument, String) -> OutgoingMail
    ) async throws -> SealedDocument {
        let tenant = try registry.requireTenant(id)
        try tenant.checkClosed(at: now)
        let folder = store.directory.exportsFolder(for: id).appendingPathComponent(exportID.lowercasedText, isDirectory: true)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let databaseURL = folder.appendingPathComponent("tenant.sqlite")
        let jsonURL = folder.appendingPathComponent("export.json")
        let counts: [String: Int]
        do {
            counts = try await store.withDatabase(id) { database in
                try database.backup(to: databaseURL.path)
                return try database.exportJSON(to: jsonURL, exportedAt: now)
            }
        } catch {
            try? FileManager.default.removeItem(at: folder)
            throw error
        }
        let databaseFile = try Self.describe(databaseURL)
        let jsonFile = try Self.describe(jsonURL)
        let statement = try seal.seal(
            kind: "data-return-statement",
            content: .object([
                "statementId": .string(statementID.lowercasedText),
                "tenant": Self.describe(tenant),
                "returnedAt": .string(Self.timestamp(now)),
                "files": .array([databaseFile.json, jsonFile.json]),
                "rows": .object(counts.mapValues { .int($0) }),
                "text": .string(
                    "Kompetanseportal bekrefter at alle personopplysninger behandlet for \(tenant.name) er tilbakelevert "
                        + "behandlingsansvarlig som en kopi av databasen og en JSON-eksport med sjekksummene over."),
            ]))
        try await registry.recordReturn(
            id, exportID: exportID, folder: folder.path, databaseSha256: databaseFile.sha256, jsonSha256: jsonFile.sha256,
            statement: statement, statementID: statementID, actor: actor, at: now
        ) { tenant, recipient in mail(tenant, statement, recipient) }
        return statement
    }

    package func deleteData(
        _ id: TenantID, seal: PlatformSeal, actor: String, statementID: UUID, at now: Date,
        mail: @escaping @Sendable (Tenant, SealedDocument, String) -> OutgoingMail
    ) async throws -> SealedDocument {
        let tenant = try registry.requireTenant(id)
        try tenant.checkClosed(at: now)
        let path = store.directory.databasePath(for: id)
        let fingerprint = try Self.describe(URL(fileURLWithPath: path))
        let exportsFolder = store.directory.exportsFolder(for: id)
        let exports = (try? FileManager.default.contentsOfDirectory(atPath: exportsFolder.path))?.count ?? 0
        try await store.removeDatabaseFile(for: id)
        try? FileManager.default.removeItem(at: store.directory.folder(for: id))
        if FileManager.default.fileExists(atPath: exportsFolder.path) {
            try FileManager.default.removeItem(at: exportsFolder)
        }
        let expiry = now.addingTimeInterval(Double(Self.backupRetentionDays) * 86_400)
        let statement = try seal.seal(
            kind: "data-deletion-statement",
            content: .object([
                "statementId": .string(statementID.lowercasedText),
                "tenant": Self.describe(tenant),
                "deletedAt": .string(Self.timestamp(now)),
                "deletedDatabase": fingerprint.json,
                "deletedExports": .int(exports),
                "backupsExpireBy": .string(expiry.isoDay),
                "text": .string(
                    "Kompetanseportal bekrefter at databasen til \(tenant.name) med tilhørende filer og eksporter er slettet. "
                        + "Eventuelle sikkerhetskopier utløper og slettes senest \(CalendarDate(expiry).norwegian)."),
            ]))
        try await registry.recordDeletion(id, statement: statement, statementID: statementID, actor: actor, at: now) {
            tenant, recipient in mail(tenant, statement, recipient)
        }
        return statement
    }

    static func describe(_ tenant: Tenant) -> JSONValue {
        .object([
            "id": .string(tenant.id.rawValue), "name": .string(tenant.name),
            "organisationNumber": tenant.organisationNumber.map { .string($0.rawValue) } ?? .null,
        ])
    }

    static func describe(_ url: URL) throws -> (sha256: String, json: JSONValue) {
        let data = try Data(contentsOf: url)
        let sha = SHA256.hash(data: data).hexEncoded
        return (sha, .object(["name": .string(url.lastPathComponent), "sha256": .string(sha), "bytes": .int(data.count)]))
    }

    static func timestamp(_ date: Date) -> String { AuditLog.timestamp(date) }
}

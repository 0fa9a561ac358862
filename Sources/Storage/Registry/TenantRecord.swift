import Domain
import Foundation
import GRDB

/// A row of the registry's `tenant` table; converted to and from `Domain.Tenant` at the storage edge.
struct TenantRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "tenant"

    var id: String
    var kind: String
    var organisationNumber: String?
    var kommunenummer: String?
    var name: String
    var status: String
    var provisionedAt: Date?
    var createdAt: Date
    var updatedAt: Date
    var closesAt: Date?
    var legalName: String?

    init(_ tenant: Tenant) {
        id = tenant.id.rawValue
        kind = tenant.kind.rawValue
        organisationNumber = tenant.organisationNumber?.rawValue
        kommunenummer = tenant.kommunenummer?.rawValue
        name = tenant.name
        status = tenant.status.rawValue
        provisionedAt = tenant.provisionedAt
        createdAt = tenant.createdAt
        updatedAt = tenant.updatedAt
        closesAt = tenant.closesAt
        legalName = tenant.legalName
    }

    /// The table's columns in order: `init(row:)` reads `SELECT *` by position, and a test holds this list
    /// to the migrated table.
    static let columnOrder = [
        "id", "kind", "organisationNumber", "kommunenummer", "name", "status", "provisionedAt", "createdAt",
        "updatedAt", "closesAt", "legalName",
    ]

    /// By position rather than through `Codable` or by name: support's tenant list reads a page of rows, and
    /// the per-row `Codable` machinery, then the lookups by name, were most of its read (perf, release build).
    init(row: Row) throws {
        id = row[0]
        kind = row[1]
        organisationNumber = row[2]
        kommunenummer = row[3]
        name = row[4]
        status = row[5]
        provisionedAt = try StoredDate.column(row, 6, "provisionedAt", table: Self.databaseTableName)
        createdAt = try StoredDate.required(row, 7, "createdAt", table: Self.databaseTableName)
        updatedAt = try StoredDate.required(row, 8, "updatedAt", table: Self.databaseTableName)
        closesAt = try StoredDate.column(row, 9, "closesAt", table: Self.databaseTableName)
        legalName = row[10]
    }

    /// Re-validates every value: a row edited by hand into something invalid is an error, not a tenant.
    func tenant() throws -> Tenant {
        guard let kind = TenantKind(rawValue: kind) else { throw StorageError.corruptRow(table: "tenant", column: "kind") }
        guard let status = TenantStatus(rawValue: status) else {
            throw StorageError.corruptRow(table: "tenant", column: "status")
        }
        do {
            return Tenant(
                id: try TenantID(id), kind: kind, organisationNumber: try organisationNumber.map { try OrganisationNumber($0) },
                kommunenummer: try kommunenummer.map { try Kommunenummer($0) }, name: name, status: status,
                provisionedAt: provisionedAt, createdAt: createdAt, updatedAt: updatedAt, closesAt: closesAt,
                legalName: legalName)
        } catch {
            throw StorageError.corruptRow(table: "tenant", column: (error as? ValidationError)?.field ?? "?")
        }
    }
}

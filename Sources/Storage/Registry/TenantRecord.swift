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

    /// Read by column name rather than through `Codable`, whose per-row machinery was most of the support
    /// console's page read (25 tenants; perf, release build); dates through `StoredDate`.
    init(row: Row) throws {
        id = row["id"]
        kind = row["kind"]
        organisationNumber = row["organisationNumber"]
        kommunenummer = row["kommunenummer"]
        name = row["name"]
        status = row["status"]
        provisionedAt = try StoredDate.column(row, "provisionedAt", table: Self.databaseTableName)
        createdAt = try StoredDate.required(row, "createdAt", table: Self.databaseTableName)
        updatedAt = try StoredDate.required(row, "updatedAt", table: Self.databaseTableName)
        closesAt = try StoredDate.column(row, "closesAt", table: Self.databaseTableName)
        legalName = row["legalName"]
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

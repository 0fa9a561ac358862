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

    /// Read by column name rather than through `Codable`, and its dates by `StoredDate`: the support console
    /// lists 25 tenants per page, and the decoder's per-row machinery, then the calendar behind GRDB's date
    /// parsing, were most of that read (perf, release build).
    init(row: Row) throws {
        id = row["id"]
        kind = row["kind"]
        organisationNumber = row["organisationNumber"]
        kommunenummer = row["kommunenummer"]
        name = row["name"]
        status = row["status"]
        provisionedAt = try Self.date(row, "provisionedAt")
        createdAt = try Self.required(Self.date(row, "createdAt"), "createdAt")
        updatedAt = try Self.required(Self.date(row, "updatedAt"), "updatedAt")
        closesAt = try Self.date(row, "closesAt")
        legalName = row["legalName"]
    }

    private static func required(_ date: Date?, _ column: String) throws -> Date {
        guard let date else { throw StorageError.corruptRow(table: "tenant", column: column) }
        return date
    }

    /// A date column as GRDB stores it; NULL is nil, anything unreadable a corrupt row.
    private static func date(_ row: Row, _ column: String) throws -> Date? {
        guard let text = row[column] as String? else { return nil }
        guard let date = StoredDate.parse(text) else { throw StorageError.corruptRow(table: "tenant", column: column) }
        return date
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

import Crypto
import Domain
import Foundation
import OpenAPIRuntime

/// The public list of agreements in force (what the vendor's web page listed by hand before).
extension APIHandlers {
    func getAgreementStatusList(_ input: Operations.GetAgreementStatusList.Input) async throws
        -> Operations.GetAgreementStatusList.Output
    {
        let list = try agreementStatusList()
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let etag = Self.etag(try encoder.encode(list))
        if Self.matches(input.headers.ifNoneMatch, etag) {
            return .notModified(.init(headers: .init(eTag: etag)))
        }
        return .ok(.init(headers: .init(eTag: etag, cacheControl: Self.cacheControl), body: .json(list)))
    }

    private static let cacheControl = "public, max-age=60"

    private func agreementStatusList() throws -> Components.Schemas.AgreementStatusList {
        let rows = try services.engine.publicAgreementStatus()
        func entry(_ row: (tenant: Tenant, inForceSince: Date?)) -> Components.Schemas.AgreementStatus {
            Components.Schemas.AgreementStatus(
                tenantId: row.tenant.id.rawValue, name: row.tenant.name, kind: .init(row.tenant.kind),
                kommunenummer: row.tenant.kommunenummer?.rawValue, inForce: row.inForceSince != nil,
                since: row.inForceSince.map(Self.day))
        }
        return .init(
            kommuner: rows.filter { $0.tenant.kind == .kommune }.map(entry),
            virksomheter: rows.filter { $0.tenant.kind == .virksomhet && $0.inForceSince != nil }.map(entry))
    }

    static func day(_ date: Date) -> String {
        date.formatted(Date.ISO8601FormatStyle(timeZone: TimeZone(identifier: "Europe/Oslo") ?? .gmt).year().month().day())
    }

    private static func etag(_ data: Data) -> String {
        "\"" + SHA256.hash(data: data).prefix(12).hexEncoded + "\""
    }

    private static func matches(_ header: String?, _ etag: String) -> Bool {
        guard let header else { return false }
        return header == "*" || header.split(separator: ",").contains { $0.trimmingCharacters(in: .whitespaces) == etag }
    }
}

import Domain
import Foundation
import GRDB

/// A row of the registry's `agreement` table.
struct AgreementRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "agreement"

    var id: String
    var tenantId: String
    var templateVersion: String
    var templateHash: String
    var fields: String
    var document: String
    var documentHash: String
    var channel: String
    var signerKey: String?
    var signerName: String
    var signerHpr: String?
    var signerLevel: Int?
    var signedAt: Date
    var scanHash: String?
    var scanBytes: Int?
    var countersignerKey: String?
    var countersignerName: String?
    var countersignedAt: Date?
    var state: String
    var endedAt: Date?
    var sealed: String?

    init(_ agreement: Agreement, document: String, sealed: String?) {
        id = agreement.id.lowercasedText
        tenantId = agreement.tenantID.rawValue
        templateVersion = agreement.templateVersion
        templateHash = agreement.templateHash
        fields = JSONValue.object(agreement.fields.mapValues(JSONValue.string)).canonical
        self.document = document
        documentHash = agreement.documentHash
        channel = agreement.channel.rawValue
        signerKey = agreement.signature.personKey?.hex
        signerName = agreement.signature.name
        signerHpr = agreement.signature.hprNumber
        signerLevel = agreement.signature.securityLevel?.rawValue
        signedAt = agreement.signature.at
        scanHash = agreement.scan?.sha256
        scanBytes = agreement.scan?.bytes
        countersignerKey = agreement.countersignature?.personKey?.hex
        countersignerName = agreement.countersignature?.name
        countersignedAt = agreement.countersignature?.at
        state = agreement.state.rawValue
        endedAt = agreement.endedAt
        self.sealed = sealed
    }

    /// Read by column name rather than through `Codable`, whose per-row machinery was most of the signer's
    /// agreement read; dates through `StoredDate`.
    init(row: Row) throws {
        id = row["id"]
        tenantId = row["tenantId"]
        templateVersion = row["templateVersion"]
        templateHash = row["templateHash"]
        fields = row["fields"]
        document = row["document"]
        documentHash = row["documentHash"]
        channel = row["channel"]
        signerKey = row["signerKey"]
        signerName = row["signerName"]
        signerHpr = row["signerHpr"]
        signerLevel = row["signerLevel"]
        signedAt = try StoredDate.required(row, "signedAt", table: Self.databaseTableName)
        scanHash = row["scanHash"]
        scanBytes = row["scanBytes"]
        countersignerKey = row["countersignerKey"]
        countersignerName = row["countersignerName"]
        countersignedAt = try StoredDate.column(row, "countersignedAt", table: Self.databaseTableName)
        state = row["state"]
        endedAt = try StoredDate.column(row, "endedAt", table: Self.databaseTableName)
        sealed = row["sealed"]
    }

    func agreement() throws -> Agreement {
        func corrupt(_ column: String) -> StorageError { .corruptRow(table: "agreement", column: column) }
        guard let uuid = UUID(hyphenated: id) else { throw corrupt("id") }
        guard let channel = AgreementChannel(rawValue: channel) else { throw corrupt("channel") }
        guard let state = AgreementState(rawValue: state) else { throw corrupt("state") }
        // A flat object of strings as written by `init`; read without `JSONDecoder`, whose setup per row was a
        // twentieth of the signer's page.
        guard let members = (try? JSONSerialization.jsonObject(with: Data(fields.utf8))) as? [String: Any] else {
            throw corrupt("fields")
        }
        let signature = AgreementSignature(
            personKey: try signerKey.map { try PersonKey(hex: $0) }, name: signerName, hprNumber: signerHpr,
            securityLevel: signerLevel.flatMap(SecurityLevel.init(rawValue:)), at: signedAt)
        let countersignature = try countersignedAt.map { at in
            AgreementSignature(
                personKey: try countersignerKey.map { try PersonKey(hex: $0) }, name: countersignerName ?? "",
                hprNumber: nil, securityLevel: nil, at: at)
        }
        return Agreement(
            id: uuid, tenantID: try TenantID(tenantId), templateVersion: templateVersion, templateHash: templateHash,
            fields: members.compactMapValues { $0 as? String }, documentHash: documentHash, channel: channel,
            signature: signature, scan: scanHash.map { PaperScan(sha256: $0, bytes: scanBytes ?? 0) },
            countersignature: countersignature, state: state, endedAt: endedAt)
    }
}

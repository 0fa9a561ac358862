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

    /// The table's columns in order: `init(row:)` reads `SELECT *` by position, and a test holds this list
    /// to the migrated table.
    static let columnOrder = [
        "id", "tenantId", "templateVersion", "templateHash", "fields", "document", "documentHash", "channel",
        "signerKey", "signerName", "signerHpr", "signerLevel", "signedAt", "scanHash", "scanBytes",
        "countersignerKey", "countersignerName", "countersignedAt", "state", "endedAt", "sealed",
    ]

    /// By position rather than through `Codable` or by name, whose per-row machinery and lookups were most of
    /// the signer's agreement read; dates through `StoredDate`.
    init(row: Row) throws {
        id = row[0]
        tenantId = row[1]
        templateVersion = row[2]
        templateHash = row[3]
        fields = row[4]
        document = row[5]
        documentHash = row[6]
        channel = row[7]
        signerKey = row[8]
        signerName = row[9]
        signerHpr = row[10]
        signerLevel = row[11]
        signedAt = try StoredDate.required(row, 12, "signedAt", table: Self.databaseTableName)
        scanHash = row[13]
        scanBytes = row[14]
        countersignerKey = row[15]
        countersignerName = row[16]
        countersignedAt = try StoredDate.column(row, 17, "countersignedAt", table: Self.databaseTableName)
        state = row[18]
        endedAt = try StoredDate.column(row, 19, "endedAt", table: Self.databaseTableName)
        sealed = row[20]
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

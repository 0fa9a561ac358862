import Domain
import Foundation
import GRDB

/// Signing and countersigning. Each step is one registry transaction: read the tenant and its
/// agreements, let the domain decide, write the agreement, the tenant, the event and the audit entry.
extension Registry {
    package func agreements(of id: TenantID) throws -> [StoredAgreement] {
        try pool.read { db in try Self.agreements(db, tenant: id) }
    }

    /// The tenant's agreements if `person` administers it (nil if not), checked and read in one statement:
    /// no rows when the person is not an administrator, one row of NULLs when there is no agreement yet.
    /// One statement sees one moment without a transaction, whose BEGIN, COMMIT and schema check were a
    /// third of the signer's agreement page.
    ///
    /// The signed document is not read (`''` in its place), and the sealed file only when `sealedFiles`:
    /// turning those 13 kB of text into strings was a tenth of the signer's page, which shows neither.
    package func agreements(
        of id: TenantID, administeredBy person: PersonKey, sealedFiles: Bool
    ) throws -> [ListedAgreement]? {
        try readNow { db in
            let rows = try Row.fetchAll(
                db.cachedStatement(sql: Self.listedAgreementsSQL),
                arguments: [sealedFiles, person.hex, id.rawValue, id.rawValue])
            guard !rows.isEmpty else { return nil }
            let isSealed = AgreementRecord.columnOrder.count
            return try rows.filter { ($0[0] as String?) != nil }.map { row in
                let record = try AgreementRecord(row: row)
                return ListedAgreement(agreement: try record.agreement(), isSealed: row[isSealed], sealedFile: record.sealed)
            }
        }
    }

    /// Every column of `agreement` in the record's order, but the document (`''`) and the sealed file (only
    /// when the first argument is true), then whether the agreement is sealed.
    private static let listedAgreementsSQL: String = {
        let columns = AgreementRecord.columnOrder.map { column in
            switch column {
            case "document": "'' AS document"
            case "sealed": "CASE WHEN ? THEN agreement.sealed END AS sealed"
            default: "agreement.\(column)"
            }
        }
        return """
            SELECT \(columns.joined(separator: ", ")), agreement.sealed IS NOT NULL FROM (
                SELECT 1 WHERE EXISTS (
                    SELECT 1 FROM membership
                    WHERE personKey = ? AND tenantId = ? AND role = 'tenantAdministrator'))
            LEFT JOIN agreement ON agreement.tenantId = ?
            ORDER BY agreement.signedAt
            """
    }()

    package func storedAgreement(_ id: UUID) throws -> StoredAgreement {
        try pool.read { db in
            guard let record = try AgreementRecord.fetchOne(db, key: id.lowercasedText) else {
                throw AgreementError.unknownAgreement
            }
            return StoredAgreement(agreement: try record.agreement(), document: record.document, sealed: record.sealed)
        }
    }

    /// Agreements signed by tenants that wait for support, oldest first.
    package func awaitingCountersignature() throws -> [StoredAgreement] {
        try readNow { db in
            // The state is written into the SQL, not bound: a bound value that a partial index's condition
            // depends on (`agreement_awaiting`) makes SQLite prepare the statement again at every run, and
            // that was a fifth of support's tenant list (perf, release build).
            try AgreementRecord.fetchAll(
                db.cachedStatement(sql: "SELECT * FROM agreement WHERE state = 'awaitingCountersignature' ORDER BY signedAt"))
                .map { StoredAgreement(agreement: try $0.agreement(), document: $0.document, sealed: $0.sealed) }
        }
    }

    /// Tenants with an agreement in force that have not signed `version` (neither in force nor awaiting).
    package func tenantsNotOnVersion(_ version: String) throws -> [(tenant: Tenant, inForce: String)] {
        try pool.read { db in
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT a.tenantId, a.templateVersion FROM agreement a
                    WHERE a.state = 'inForce' AND a.templateVersion <> ?
                      AND NOT EXISTS (SELECT 1 FROM agreement b WHERE b.tenantId = a.tenantId
                                      AND b.state = 'awaitingCountersignature' AND b.templateVersion = ?)
                    ORDER BY a.tenantId
                    """, arguments: [version, version])
            return try rows.compactMap { row in
                guard let tenant = try TenantRecord.fetchOne(db, key: row["tenantId"] as String)?.tenant() else { return nil }
                return (tenant, row["templateVersion"])
            }
        }
    }

    /// Records a signature decided by `decide` (electronic or paper), and moves the tenant to
    /// `agreementPending` unless it works under an older version.
    package func recordSignature(
        tenant id: TenantID, document: String, actor: String, at now: Date,
        decide: @escaping @Sendable (Tenant, [Agreement]) throws -> Agreement
    ) async throws -> (tenant: Tenant, agreement: Agreement) {
        let result = try await pool.write { db in
            guard let tenant = try TenantRecord.fetchOne(db, key: id.rawValue)?.tenant() else {
                throw TenantError.unknown(id)
            }
            let existing = try Self.agreements(db, tenant: id).map(\.agreement)
            let agreement = try decide(tenant, existing)
            try AgreementRecord(agreement, document: document, sealed: nil).insert(db)
            let next = tenant.agreementSigned(at: now)
            try TenantRecord(next).update(db)
            try Self.appendEvent(db, tenant: id, action: "agreement.sign", from: tenant.status, to: next.status, actor: actor, at: now)
            let signer = agreement.signature
            try AuditLog.append(
                db, actor: actor, action: "agreement.signed", tenant: id,
                detail: "agreement \(agreement.id.lowercasedText) version \(agreement.templateVersion) "
                    + "template sha256 \(agreement.templateHash) document sha256 \(agreement.documentHash) "
                    + "signed \(agreement.channel.rawValue) by \(signer.name)"
                    + (signer.securityLevel.map { " at security level \($0.rawValue)" } ?? "")
                    + (agreement.scan.map { " scan sha256 \($0.sha256) (\($0.bytes) bytes)" } ?? ""),
                at: now)
            return (tenant: next, agreement: agreement)
        }
        invalidate(id)
        return result
    }

    /// Countersigns and seals: the agreement comes into force, the one before it (if any) is superseded,
    /// the tenant opens, and the confirmation mail is queued, all in one transaction.
    package func countersign(
        _ agreementID: UUID, by signature: AgreementSignature, actor: String, at now: Date,
        seal: @escaping @Sendable (Agreement, Tenant, String) throws -> SealedDocument,
        confirmation: @escaping @Sendable (Tenant, Agreement, SealedDocument, String) -> OutgoingMail
    ) async throws -> (tenant: Tenant, stored: StoredAgreement) {
        let result = try await pool.write { db in
            guard let record = try AgreementRecord.fetchOne(db, key: agreementID.lowercasedText) else {
                throw AgreementError.unknownAgreement
            }
            let current = try record.agreement()
            guard let tenant = try TenantRecord.fetchOne(db, key: current.tenantID.rawValue)?.tenant() else {
                throw TenantError.unknown(current.tenantID)
            }
            let countersigned = try current.countersigned(by: signature)
            let next = try tenant.agreementInForce(at: now)
            for var old in try AgreementRecord.filter(Column("tenantId") == tenant.id.rawValue && Column("state") == "inForce")
                .fetchAll(db)
            {
                old.state = AgreementState.superseded.rawValue
                try old.update(db)
                try AuditLog.append(
                    db, actor: "platform", action: "agreement.superseded", tenant: tenant.id,
                    detail: "agreement \(old.id) version \(old.templateVersion) superseded by \(countersigned.templateVersion)",
                    at: now)
            }
            let sealed = try seal(countersigned, next, record.document)
            try AgreementRecord(countersigned, document: record.document, sealed: sealed.fileText).update(db)
            try TenantRecord(next).update(db)
            try Self.appendEvent(
                db, tenant: tenant.id, action: "agreement.countersign", from: tenant.status, to: next.status,
                actor: actor, at: now)
            try AuditLog.append(
                db, actor: actor, action: "agreement.countersigned", tenant: tenant.id,
                detail: "agreement \(record.id) version \(countersigned.templateVersion) countersigned by \(signature.name); "
                    + "sealed with key \(sealed.seal.keyID) signature \(sealed.seal.signature)",
                at: now)
            for recipient in try Self.administratorEmails(db, tenant: tenant.id) {
                try OutboxRecord(confirmation(next, countersigned, sealed, recipient), at: now).insert(db)
            }
            return (next, StoredAgreement(agreement: countersigned, document: record.document, sealed: sealed.fileText))
        }
        invalidate(result.0.id)
        return result
    }

    static func agreements(_ db: Database, tenant: TenantID) throws -> [StoredAgreement] {
        try AgreementRecord.fetchAll(
            db.cachedStatement(sql: "SELECT * FROM agreement WHERE tenantId = ? ORDER BY signedAt"),
            arguments: [tenant.rawValue])
            .map { StoredAgreement(agreement: try $0.agreement(), document: $0.document, sealed: $0.sealed) }
    }

    /// Where a tenant's administrators read their mail: the addresses they were invited at or registered with.
    static func administratorEmails(_ db: Database, tenant: TenantID) throws -> [String] {
        try String.fetchAll(
            db,
            sql: """
                SELECT DISTINCT p.email FROM membership m JOIN person p ON p.personKey = m.personKey
                WHERE m.tenantId = ? AND m.role = 'tenantAdministrator' AND p.email IS NOT NULL ORDER BY p.email
                """, arguments: [tenant.rawValue])
    }
}

import Domain
import Foundation
import GRDB

/// Ending an agreement, and the records of what happened to the data afterwards.
extension Registry {
    /// Terminates the tenant's agreement: the tenant closes to users at `closesAt`. Any agreement still
    /// awaiting countersignature ends with it.
    package func terminate(
        _ id: TenantID, closesAt: Date, party: String, reason: String?, actor: String, at now: Date,
        mail: @escaping @Sendable (Tenant, String) -> OutgoingMail
    ) async throws -> Tenant {
        let tenant = try await pool.write { db in
            guard let tenant = try TenantRecord.fetchOne(db, key: id.rawValue)?.tenant() else {
                throw TenantError.unknown(id)
            }
            let next = try tenant.terminating(closesAt: closesAt, at: now)
            for stored in try Self.agreements(db, tenant: id)
            where stored.agreement.state == .inForce || stored.agreement.state == .awaitingCountersignature {
                try AgreementRecord(stored.agreement.terminated(closingAt: closesAt), document: stored.document, sealed: stored.sealed)
                    .update(db)
            }
            try TenantRecord(next).update(db)
            try Self.appendEvent(
                db, tenant: id, action: "terminate", from: tenant.status, to: next.status, actor: actor, at: now,
                reason: reason)
            try AuditLog.append(
                db, actor: actor, action: "agreement.terminated", tenant: id,
                detail: "terminated by the \(party); closes \(closesAt.isoDay)" + (reason.map { "; reason: \($0)" } ?? ""),
                at: now)
            for recipient in try Self.administratorEmails(db, tenant: id) {
                try OutboxRecord(mail(next, recipient), at: now).insert(db)
            }
            return next
        }
        invalidate(id)
        return tenant
    }

    /// Records an export made for the controller and its sealed statement.
    package func recordReturn(
        _ id: TenantID, exportID: UUID, folder: String, databaseSha256: String, jsonSha256: String,
        statement: SealedDocument, statementID: UUID, actor: String, at now: Date,
        mail: @escaping @Sendable (Tenant, String) -> OutgoingMail
    ) async throws {
        try await pool.write { db in
            guard let tenant = try TenantRecord.fetchOne(db, key: id.rawValue)?.tenant() else {
                throw TenantError.unknown(id)
            }
            try db.execute(
                sql: "INSERT INTO dataExport (id, tenantId, createdAt, folder, databaseSha256, jsonSha256) VALUES (?, ?, ?, ?, ?, ?)",
                arguments: [exportID.lowercasedText, id.rawValue, now, folder, databaseSha256, jsonSha256])
            try Self.insertStatement(db, id: statementID, tenant: id, sealed: statement, at: now)
            try AuditLog.append(
                db, actor: actor, action: "data.returned", tenant: id,
                detail: "export \(exportID.lowercasedText) database sha256 \(databaseSha256) json sha256 \(jsonSha256); "
                    + "statement sealed \(statement.seal.signature)",
                at: now)
            for recipient in try Self.administratorEmails(db, tenant: id) {
                try OutboxRecord(mail(tenant, recipient), at: now).insert(db)
            }
        }
    }

    /// Records that the tenant's files are gone (the tenant may sign anew and get a fresh file).
    package func recordDeletion(
        _ id: TenantID, statement: SealedDocument, statementID: UUID, actor: String, at now: Date,
        mail: @escaping @Sendable (Tenant, String) -> OutgoingMail
    ) async throws {
        try await pool.write { db in
            guard let tenant = try TenantRecord.fetchOne(db, key: id.rawValue)?.tenant() else {
                throw TenantError.unknown(id)
            }
            let next = tenant.dataDeleted(at: now)
            try TenantRecord(next).update(db)
            try db.execute(sql: "UPDATE dataExport SET removedAt = ? WHERE tenantId = ? AND removedAt IS NULL", arguments: [now, id.rawValue])
            try Self.insertStatement(db, id: statementID, tenant: id, sealed: statement, at: now)
            try Self.appendEvent(db, tenant: id, action: "data.delete", from: tenant.status, to: next.status, actor: actor, at: now)
            try AuditLog.append(
                db, actor: actor, action: "data.deleted", tenant: id,
                detail: "tenant database and exports removed; statement sealed \(statement.seal.signature)", at: now)
            for recipient in try Self.administratorEmails(db, tenant: id) {
                try OutboxRecord(mail(next, recipient), at: now).insert(db)
            }
        }
        invalidate(id)
    }

    /// The latest export still on disk, if any.
    package func latestExport(of id: TenantID) throws -> (id: UUID, folder: String)? {
        try pool.read { db in
            try Row.fetchOne(
                db, sql: "SELECT id, folder FROM dataExport WHERE tenantId = ? AND removedAt IS NULL ORDER BY createdAt DESC LIMIT 1",
                arguments: [id.rawValue]
            ).flatMap { row in UUID(hyphenated: row["id"]).map { ($0, row["folder"]) } }
        }
    }

    package func statements(of id: TenantID) throws -> [(id: String, kind: String, at: Date, sealed: String)] {
        try pool.read { db in
            try Row.fetchAll(db, sql: "SELECT id, kind, at, sealed FROM statement WHERE tenantId = ? ORDER BY at", arguments: [id.rawValue])
                .map { ($0["id"], $0["kind"], $0["at"], $0["sealed"]) }
        }
    }

    private static func insertStatement(_ db: Database, id: UUID, tenant: TenantID, sealed: SealedDocument, at now: Date) throws {
        try db.execute(
            sql: "INSERT INTO statement (id, tenantId, kind, at, sealed) VALUES (?, ?, ?, ?, ?)",
            arguments: [id.lowercasedText, tenant.rawValue, sealed.kind, now, sealed.fileText])
    }
}

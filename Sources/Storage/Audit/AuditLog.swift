import Crypto
import Domain
import Foundation
import GRDB

/// The registry's hash-chained audit log.
///
/// Each entry's hash is SHA-256 over the previous entry's hash and the entry's own fields, in a fixed
/// layout; the first entry chains to 64 zeros. Rows cannot be updated or deleted (triggers), and a change
/// made behind SQLite's back (editing the file) shows up in `verify` as the first entry whose hash no
/// longer follows.
package enum AuditLog {
    package static let genesis = String(repeating: "0", count: 64)

    package struct Entry: Sendable, Equatable {
        package let id: Int64
        package let at: Date
        package let actor: String
        package let action: String
        package let tenantID: String?
        package let detail: String
        package let previousHash: String
        package let hash: String
    }

    /// The outcome of walking the chain.
    package enum Verification: Equatable, Sendable {
        case intact(entries: Int)
        case broken(atEntry: Int64, reason: String)
    }

    /// Appends an entry in the caller's transaction.
    static func append(
        _ db: Database, actor: String, action: String, tenant: TenantID?, detail: String, at now: Date
    ) throws {
        let previous = try String.fetchOne(db, sql: "SELECT hash FROM audit ORDER BY id DESC LIMIT 1") ?? genesis
        // Store the time as text with milliseconds, exactly as it is hashed.
        let stamp = timestamp(now)
        let hash = Self.hash(previous: previous, at: stamp, actor: actor, action: action, tenant: tenant?.rawValue, detail: detail)
        try db.execute(
            sql: """
                INSERT INTO audit (at, actor, action, tenantId, detail, previousHash, hash) VALUES (?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [stamp, actor, action, tenant?.rawValue, detail, previous, hash])
    }

    static func verify(_ db: Database) throws -> Verification {
        var previous = genesis
        var count = 0
        let rows = try Row.fetchCursor(
            db, sql: "SELECT id, at, actor, action, tenantId, detail, previousHash, hash FROM audit ORDER BY id")
        while let row = try rows.next() {
            let id: Int64 = row["id"]
            guard row["previousHash"] == previous else {
                return .broken(atEntry: id, reason: "does not follow the entry before it")
            }
            let expected = hash(
                previous: previous, at: row["at"], actor: row["actor"], action: row["action"], tenant: row["tenantId"],
                detail: row["detail"])
            guard row["hash"] == expected else { return .broken(atEntry: id, reason: "its content was changed") }
            previous = expected
            count += 1
        }
        return .intact(entries: count)
    }

    static func entries(_ db: Database, tenant: TenantID?) throws -> [Entry] {
        var sql = "SELECT id, at, actor, action, tenantId, detail, previousHash, hash FROM audit"
        var arguments: StatementArguments = []
        if let tenant {
            sql += " WHERE tenantId = ?"
            arguments = [tenant.rawValue]
        }
        return try Row.fetchAll(db, sql: sql + " ORDER BY id", arguments: arguments).map { row in
            Entry(
                id: row["id"], at: parse(row["at"]) ?? Date(timeIntervalSince1970: 0), actor: row["actor"],
                action: row["action"], tenantID: row["tenantId"], detail: row["detail"],
                previousHash: row["previousHash"], hash: row["hash"])
        }
    }

    static func hash(previous: String, at: String, actor: String, action: String, tenant: String?, detail: String)
        -> String
    {
        // Length-prefixed fields: no value can be shifted into its neighbour.
        let fields = [previous, at, actor, action, tenant ?? "", detail]
        let layout = fields.map { "\($0.utf8.count):\($0)" }.joined(separator: "|")
        return SHA256.hash(data: Array(layout.utf8)).hexEncoded
    }

    package static func timestamp(_ date: Date) -> String {
        date.formatted(Date.ISO8601FormatStyle(includingFractionalSeconds: true))
    }

    static func parse(_ text: String) -> Date? {
        try? Date.ISO8601FormatStyle(includingFractionalSeconds: true).parse(text)
    }
}

import Domain
import Foundation
import GRDB

/// The catalog of education plans, global to all tenants: imported whole or not at all, every addition
/// audited, and a stored version never changed.
extension Registry {
    /// Imports parsed plans in one transaction: read the stored versions of the same keys → decide every plan
    /// (`CatalogImport.reconcile`) → insert the added ones, each with an audit entry.
    ///
    /// Any conflict (a stored key and version with other content) throws `CatalogImportFailure` and nothing
    /// is written, so a file is never half imported.
    /// `progress` is told how many of the plan versions are done (compared, and written when new).
    package func importCatalog(
        _ plans: [Plan], actor: String, at now: Date, progress: @escaping @Sendable (Int) -> Void = { _ in }
    ) async throws -> [PlanImportDecision] {
        try await pool.write { db in
            let keys = Array(Set(plans.map(\.key.rawValue)))
            let existing = try Row.fetchAll(
                db, sql: "SELECT content, sha256 FROM catalogPlan WHERE key IN (SELECT value FROM json_each(?))",
                arguments: [Self.jsonArray(keys)]
            ).map { row in try PlanCodec.decode(content: row["content"], sha256: row["sha256"], table: "catalogPlan") }
            let decisions = try CatalogImport.reconcile(plans, existing: existing)
            for (index, decision) in decisions.enumerated() {
                defer { progress(index + 1) }
                guard case .added(let plan) = decision else { continue }
                let encoded = PlanCodec.encode(plan)
                try db.execute(
                    sql: """
                        INSERT INTO catalogPlan (key, version, name, programmes, effectiveFrom, isSample,
                            objectiveCount, content, sha256, importedAt, importedBy)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        """,
                    arguments: [
                        plan.key.rawValue, plan.version, plan.name,
                        plan.programmes.map(\.rawValue).joined(separator: ","),
                        plan.effectiveFrom.iso, plan.isSample, plan.objectives.count, encoded.content, encoded.sha256,
                        now,
                        actor,
                    ])
                try AuditLog.append(
                    db, actor: actor, action: "catalog.imported", tenant: nil,
                    detail: "\(plan.reference) sha256:\(encoded.sha256)", at: now)
            }
            return decisions
        }
    }

    /// Every stored plan version, by key and version.
    package func catalogPlans() throws -> [CatalogPlanSummary] {
        try pool.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT key, version, name, programmes, effectiveFrom, isSample, objectiveCount, sha256, importedAt,
                        importedBy
                    FROM catalogPlan ORDER BY key, version
                    """
            ).map(Self.summary)
        }
    }

    /// One plan version, or nil when the catalog does not have it.
    package func plan(key: PlanKey, version: Int) throws -> Plan? {
        try pool.read { db in
            let arguments: StatementArguments = [key.rawValue, version]
            // The text (tens of kilobytes) is read only for a version not decoded before.
            guard
                let sha256 = try String.fetchOne(
                    db, sql: "SELECT sha256 FROM catalogPlan WHERE key = ? AND version = ?", arguments: arguments)
            else { return nil }
            if let cached = PlanCodec.cached(sha256) { return cached }
            return try Row.fetchOne(
                db, sql: "SELECT content, sha256 FROM catalogPlan WHERE key = ? AND version = ?", arguments: arguments
            ).map { row in try PlanCodec.decode(content: row["content"], sha256: row["sha256"], table: "catalogPlan") }
        }
    }

    /// The version of each plan in force on `date`: per key, the highest version whose effective date has come
    /// (the same rule as `Plan.inForce`).
    package func plansInForce(on date: CalendarDate) throws -> [Plan] {
        try pool.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT content, sha256 FROM catalogPlan AS c
                    WHERE c.version = (SELECT MAX(version) FROM catalogPlan WHERE key = c.key AND effectiveFrom <= ?)
                    ORDER BY c.key
                    """,
                arguments: [date.iso]
            ).map { row in try PlanCodec.decode(content: row["content"], sha256: row["sha256"], table: "catalogPlan") }
        }
    }

    private static func summary(_ row: Row) throws -> CatalogPlanSummary {
        let corrupt = { (column: String) in StorageError.corruptRow(table: "catalogPlan", column: column) }
        guard let key = try? PlanKey(row["key"]) else { throw corrupt("key") }
        guard let effectiveFrom = try? CalendarDate(iso: row["effectiveFrom"]) else { throw corrupt("effectiveFrom") }
        let programmes = (row["programmes"] as String).split(separator: ",").map { Programme(rawValue: String($0)) }
        guard !programmes.contains(nil) else { throw corrupt("programmes") }
        return CatalogPlanSummary(
            plan: PlanReference(key: key, version: row["version"]), name: row["name"],
            programmes: programmes.compactMap { $0 },
            effectiveFrom: effectiveFrom, isSample: row["isSample"], objectiveCount: row["objectiveCount"],
            sha256: row["sha256"], importedAt: row["importedAt"], importedBy: row["importedBy"])
    }

    /// A JSON array of strings, for `json_each`: one bound argument however many values.
    static func jsonArray(_ values: [String]) -> String {
        JSONValue.array(values.map(JSONValue.string)).canonical
    }
}

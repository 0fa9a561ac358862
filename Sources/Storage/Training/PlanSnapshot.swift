import Domain
import Foundation
import GRDB

/// The tenant's own copies of the plan versions assigned here (table `plan`).
enum PlanSnapshot {
    /// Copies `plan` in unless this version is here already; a copy is never replaced, and one that differs
    /// from the catalog's would mean a published version changed, which is refused.
    static func store(_ db: Database, _ plan: Plan) throws {
        let encoded = PlanCodec.encode(plan)
        if let stored = try String.fetchOne(
            db, sql: "SELECT sha256 FROM plan WHERE key = ? AND version = ?",
            arguments: [plan.key.rawValue, plan.version])
        {
            guard stored == encoded.sha256 else {
                throw CatalogImportFailure(errors: [
                    CatalogImportError(line: nil, field: "plan", reason: .versionConflict(plan.reference))
                ])
            }
            return
        }
        try db.execute(
            sql: "INSERT INTO plan (key, version, content, sha256) VALUES (?, ?, ?, ?)",
            arguments: [plan.key.rawValue, plan.version, encoded.content, encoded.sha256])
    }

    /// Reads the hash first: a decoded plan is cached by it, so the 100-objective text is read (and parsed)
    /// only the first time a version is used, not on every activity or report.
    static func load(_ db: Database, _ reference: PlanReference) throws -> Plan? {
        let arguments: StatementArguments = [reference.key.rawValue, reference.version]
        guard let sha256 = try String.fetchOne(
            db.cachedStatement(sql: "SELECT sha256 FROM plan WHERE key = ? AND version = ?"), arguments: arguments)
        else { return nil }
        if let cached = PlanCodec.cached(sha256) { return cached }
        guard let content = try String.fetchOne(
            db.cachedStatement(sql: "SELECT content FROM plan WHERE key = ? AND version = ?"), arguments: arguments)
        else { return nil }
        return try PlanCodec.decode(content: content, sha256: sha256, table: "plan")
    }

    /// The plan version the LIS works on, which must be assigned to them and not archived.
    static func assigned(_ db: Database, trainee: UUID, _ reference: PlanReference) throws -> (PlanAssignment, Plan) {
        guard let assignment = try PlanAssignmentRecord.live(db, trainee: trainee, plan: reference),
            let plan = try load(db, reference)
        else { throw PlanAssignmentError.notAssigned(reference) }
        return (assignment, plan)
    }
}

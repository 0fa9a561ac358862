import Domain
import Foundation
import GRDB

/// Everything a tenant holds, for returning it to the controller when the agreement ends.
extension TenantDatabase {
    /// A consistent copy of the file, taken with SQLite's online backup API.
    package func backup(to path: String) throws {
        let destination = try DatabaseQueue(path: path)
        try queue.backup(to: destination)
        try destination.close()
    }

    /// Every table as JSON (`{"format":…, "tables": {name: [row, …]}}`), blobs as base64; returns the
    /// row count per table for the statement.
    package func exportJSON(to url: URL, exportedAt now: Date) throws -> [String: Int] {
        try queue.read { db in
            let tables = try String.fetchAll(
                db,
                // Only the tenant's data: not SQLite's, GRDB's, or Litestream's bookkeeping (`_litestream_seq`,
                // `_litestream_lock`), which the backup adds to the file it replicates.
                sql: """
                    SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'
                    AND name NOT LIKE 'grdb_%' AND name NOT LIKE '!_litestream!_%' ESCAPE '!' ORDER BY name
                    """)
            var output: [String: Any] = [
                "format": "kompetanseportal-export-1", "tenant": tenantID.rawValue,
                "exportedAt": now.formatted(Date.ISO8601FormatStyle()),
            ]
            var tableRows: [String: Any] = [:]
            var counts: [String: Int] = [:]
            for table in tables {
                let rows = try Row.fetchAll(db, sql: "SELECT * FROM \(table.quotedDatabaseIdentifier)")
                tableRows[table] = rows.map { row in
                    var object: [String: Any] = [:]
                    for (column, value) in row {
                        switch value.storage {
                        case .null: object[column] = NSNull()
                        case .int64(let number): object[column] = number
                        case .double(let number): object[column] = number
                        case .string(let text): object[column] = text
                        case .blob(let data): object[column] = data.base64EncodedString()
                        }
                    }
                    return object
                }
                counts[table] = rows.count
            }
            output["tables"] = tableRows
            let data = try JSONSerialization.data(withJSONObject: output, options: [.sortedKeys, .prettyPrinted])
            try data.write(to: url, options: [.atomic])
            return counts
        }
    }
}

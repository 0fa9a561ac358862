import Crypto
import Domain
import Foundation
import Synchronization

/// Plans as stored text: the canonical catalog JSON of one plan version, and its SHA-256.
///
/// Reading back goes through `CatalogImport.parseJSON`, so a stored plan is held to the same rules as an
/// imported file and a bad row is caught rather than half-read. Decoded plans are cached by hash: a stored
/// version never changes, and a progress report must not parse a 101-objective plan on every request.
enum PlanCodec {
    struct Encoded: Sendable, Equatable {
        let content: String
        let sha256: String
    }

    /// Enough for every plan version in use; the cache is emptied rather than grown past it.
    static let cacheLimit = 256
    private static let cache = Mutex<[String: Plan]>([:])

    static func encode(_ plan: Plan) -> Encoded {
        let content = plan.catalogJSON.canonical
        return Encoded(content: content, sha256: SHA256.hash(data: Array(content.utf8)).hexEncoded)
    }

    /// The plan already decoded for this hash, if any.
    static func cached(_ sha256: String) -> Plan? { cache.withLock { $0[sha256] } }

    /// The plan stored as `content`, whose hash must be `sha256`; `table` names the row for the error.
    static func decode(content: String, sha256: String, table: String) throws -> Plan {
        if let cached = cache.withLock({ $0[sha256] }) { return cached }
        guard SHA256.hash(data: Array(content.utf8)).hexEncoded == sha256 else {
            throw StorageError.corruptRow(table: table, column: "sha256")
        }
        let plans: [Plan]
        do {
            plans = try CatalogImport.parseJSON(Data(("{\"plans\":[" + content + "]}").utf8))
        } catch {
            throw StorageError.corruptRow(table: table, column: "content")
        }
        guard plans.count == 1, let plan = plans.first else {
            throw StorageError.corruptRow(table: table, column: "content")
        }
        cache.withLock { cache in
            if cache.count >= cacheLimit { cache.removeAll() }
            cache[sha256] = plan
        }
        return plan
    }
}

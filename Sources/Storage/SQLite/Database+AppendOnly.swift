import GRDB

extension Database {
    /// Makes a table append-only: any UPDATE or DELETE aborts. Used for the logs that are evidence
    /// (registry events, access logs, support access): a row, once written, is never changed in place.
    func makeAppendOnly(_ table: String) throws {
        try execute(
            sql: """
                CREATE TRIGGER \(table)_noUpdate BEFORE UPDATE ON \(table)
                BEGIN SELECT RAISE(ABORT, '\(table) is append-only'); END;
                CREATE TRIGGER \(table)_noDelete BEFORE DELETE ON \(table)
                BEGIN SELECT RAISE(ABORT, '\(table) is append-only'); END;
                """)
    }
}

import GRDB
import Logging

/// The result code of a failed SQLite call, primary and extended (`SQLITE_READONLY` 8 and
/// `SQLITE_READONLY_DBMOVED` 1032), which is what an operator needs to tell a full disk from a corrupt file.
///
/// The codes go into logs instead of the error's description, which may quote SQL and, in it, data.
package struct SQLiteResultCode: Sendable, Equatable {
    package let primary: Int32
    package let extended: Int32

    package init?(_ error: any Error) {
        guard let error = error as? DatabaseError else { return nil }
        primary = error.resultCode.rawValue
        extended = error.extendedResultCode.rawValue
    }

    package var logMetadata: Logger.Metadata {
        ["sqlite_code": "\(primary)", "sqlite_extended_code": "\(extended)"]
    }
}

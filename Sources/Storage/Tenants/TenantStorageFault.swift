import GRDB

/// Why a tenant's file cannot be used now: failures of the file and the disk under it, as opposed to a
/// request that broke a constraint. Such a failure is the tenant's alone (503 `tenant.storage-unavailable`);
/// the other tenants go on.
package enum TenantStorageFault: String, Sendable, Equatable {
    case diskFull = "disk-full"
    /// The file is read-only (permissions, an immutable file, a read-only mount) or the connection opened
    /// it read-only.
    case readOnly = "read-only"
    case corrupt
    case ioError = "io-error"
    case cannotOpen = "cannot-open"
    /// The file the store had open was removed (the tenant's folder deleted under the running server).
    case fileMissing = "file-missing"

    /// The fault a SQLite error reports, or nil when the error is not about the file.
    package init?(_ code: SQLiteResultCode) {
        switch ResultCode(rawValue: code.primary) {
        case .SQLITE_FULL: self = .diskFull
        case .SQLITE_READONLY, .SQLITE_PERM: self = .readOnly
        case .SQLITE_CORRUPT, .SQLITE_NOTADB: self = .corrupt
        case .SQLITE_IOERR, .SQLITE_NOLFS: self = .ioError
        case .SQLITE_CANTOPEN: self = .cannotOpen
        default: return nil
        }
    }
}

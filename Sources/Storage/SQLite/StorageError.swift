/// Failures of the storage layer that are not domain decisions; they map to 500 with no details.
package enum StorageError: Error, Equatable, Sendable {
    case fileOperationFailed(String)
    case corruptRow(table: String, column: String)
    case storeClosed
}

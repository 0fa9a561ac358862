import Domain

/// Failures of the storage layer that are not domain decisions. They read as an internal error (500) that
/// says nothing about the inside; the log has the type and, at debug level, the case.
package enum StorageError: DescribedFailure, Equatable {
    case fileOperationFailed(String)
    case corruptRow(table: String, column: String)
    case storeClosed

    package var code: String { InternalFailure.code }
    package var category: FailureCategory { .internal }
    package var title: String? { InternalFailure.title }
    package var detail: String { InternalFailure.detail }
    package var message: String { InternalFailure.message }
}

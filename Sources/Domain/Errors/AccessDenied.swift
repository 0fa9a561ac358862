/// The person holds no role that allows the operation for this LIS (`PermissionTable.authorize`).
package struct AccessDenied: DescribedFailure, Equatable {
    package let operation: TraineeOperation
    package let roles: Set<Role>

    package init(operation: TraineeOperation, roles: Set<Role>) {
        self.operation = operation
        self.roles = roles
    }

    package var code: String { "access.forbidden" }
    package var category: FailureCategory { .forbidden }
    package var title: String? { "Not allowed" }
    package var detail: String { "None of your roles for this LIS allows \(operation.rawValue)" }
    package var message: String { "Du har ikke tilgang til dette for denne LIS-en." }
}

import Domain
import Foundation
import Storage

/// The authorization step every operation on a LIS's data goes through.
extension APIHandlers {
    /// Loads the LIS with the roles the caller holds for them (one read), checks the permission table for
    /// `operation`, and records the access in the LIS's access log before any data is returned.
    func access(
        _ operation: TraineeOperation, trainee id: UUID, object: String = "trainee", scope: TenantScope,
        database: TenantDatabase
    ) async throws -> (trainee: Trainee, role: Role) {
        guard let (trainee, roles) = try database.trainee(id: id, rolesOf: scope.principal.personKey) else {
            throw TraineeError.notFound(id)
        }
        let role = try PermissionTable.authorize(operation, holding: roles)
        if AccessLogEntry.isLogged(operation, role: role) {
            try await database.append(
                AccessLogEntry(
                    traineeID: id, actor: scope.principal.personKey, actorName: scope.principal.name, role: role,
                    operation: operation, object: object, reason: nil, at: services.now()))
        }
        return (trainee, role)
    }

    func traineeID(_ raw: String) throws -> UUID {
        guard let id = UUID(uuidString: raw) else { throw RequestError.invalidParameter("traineeId") }
        return id
    }
}

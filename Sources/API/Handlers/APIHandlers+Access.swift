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
        let (trainee, role) = try authorize(operation, trainee: id, scope: scope, database: database)
        if AccessLogEntry.isLogged(operation, role: role) {
            try await database.append(
                AccessLogEntry(
                    traineeID: id, actor: scope.principal.personKey, actorName: scope.principal.name, role: role,
                    operation: operation, object: object, reason: nil, at: services.now()))
        }
        return (trainee, role)
    }

    /// The check alone, for changes whose storage verb writes its own log line in its transaction.
    func authorize(_ operation: TraineeOperation, trainee id: UUID, scope: TenantScope, database: TenantDatabase)
        throws -> (trainee: Trainee, role: Role)
    {
        guard let (trainee, roles) = try database.trainee(id: id, rolesOf: scope.principal.personKey) else {
            throw TraineeError.notFound(id)
        }
        return (trainee, try PermissionTable.authorize(operation, holding: roles))
    }

    func traineeID(_ raw: String) throws -> UUID { try uuid(raw, "traineeId") }

    /// A path parameter that must be a UUID; anything else is a 400 naming the parameter.
    func uuid(_ raw: String, _ name: String) throws -> UUID {
        guard let id = UUID(uuidString: raw) else { throw RequestError.invalidParameter(name) }
        return id
    }
}

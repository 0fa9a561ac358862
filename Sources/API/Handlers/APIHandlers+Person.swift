import Domain
import Foundation

/// Operations about the logged-in person across tenants.
extension APIHandlers {
    func getMyTenants(_ input: Operations.GetMyTenants.Input) async throws -> Operations.GetMyTenants.Output {
        let scope = try PersonScope.required()
        let memberships = try services.engine.sessions.memberships(of: scope.principal)
        return .ok(
            .init(
                body: .json(
                    .init(
                        tenants: memberships.map {
                            Components.Schemas.Membership(tenant: .init($0.tenant), roles: $0.roles.map(Components.Schemas.Role.init))
                        }))))
    }
}

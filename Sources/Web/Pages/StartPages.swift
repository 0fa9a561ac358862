import Domain
import Engine
import Hummingbird

/// `/start`: after login, the tenants the person belongs to and the roles they hold in each (one person
/// can be LIS in one tenant and supervisør in another).
struct StartPages: Sendable {
    static let path = "/start"

    let people: PeopleDesk
    let renderer: PageRenderer

    /// `GET /start[?godtatt=ROLE&virksomhet=ID]`: the second form after accepting an invitation.
    func show<Context: PortalRequestContext>(_ request: Request, _ context: Context) async throws -> Response {
        let principal = try context.visitor.requirePrincipal(returningTo: request.pathAndQuery)
        let memberships = try people.memberships(of: principal)
        let query = request.uri.queryParameters
        let accepted = query["godtatt"].flatMap { Role(rawValue: String($0)) }
        let acceptedIn = query["virksomhet"].map(String.init)
        let page = StartPage(
            memberships: memberships,
            accepted: accepted.flatMap { role in
                memberships.first { $0.tenant.id.rawValue == acceptedIn }.map { (role, $0.tenant.name) }
            },
            visitor: context.visitor)
        return HTMLPage.response(try renderer.render(page, template: "start"))
    }
}

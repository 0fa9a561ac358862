import Domain
import Engine
import Foundation
import HTTPTypes
import Hummingbird

/// The page behind a role invitation's e-mail link (leder, veileder, supervisør): who invites whom to what,
/// a login that comes back here, and one button that accepts. A link that cannot be used gets a page that
/// says what happened and what to do next.
struct RoleInvitationPages: Sendable {
    static let path = "/invitasjon"
    /// Where links sent before the pages existed point; kept so that no invitation in an inbox breaks.
    static let legacyPath = "/invitations/accept"

    let people: PeopleDesk
    let renderer: PageRenderer

    /// `GET /invitasjon?tenant=…&token=…`.
    func show<Context: PortalRequestContext>(_ request: Request, _ context: Context) async throws -> Response {
        let query = request.uri.queryParameters
        let tenant = String(query["tenant"] ?? "")
        let token = String(query["token"] ?? "")
        do {
            let link = try await people.roleInvitation(tenant: tenant, token: token)
            let page = RoleInvitationPage(
                link: link, token: token, returnPath: Self.linkPath(tenant: tenant, token: token),
                visitor: context.visitor)
            return HTMLPage.response(try renderer.render(page, template: "role-invitation"))
        } catch let error as InvitationError {
            return try problem(error, context)
        }
    }

    /// `GET /invitations/accept?…`: the same page at its Norwegian address.
    func legacy<Context: PortalRequestContext>(_ request: Request, _ context: Context) async throws -> Response {
        let query = request.uri.queryParameters
        return Response(
            status: .movedPermanently,
            headers: [
                .location: Self.linkPath(tenant: String(query["tenant"] ?? ""), token: String(query["token"] ?? "")),
                .cacheControl: "no-store",
            ])
    }

    /// `POST /invitasjon`: the logged-in person takes the role; then their start page says so.
    func accept<Context: PortalRequestContext>(_ request: Request, _ context: Context) async throws -> Response {
        var request = request
        let form = try await FormFields.read(&request, limit: 16 * 1024)
        let tenant = form.text("tenant")
        let token = form.text("token")
        let principal = try context.visitor.requirePrincipal(returningTo: Self.linkPath(tenant: tenant, token: token))
        do {
            let accepted = try await people.acceptRoleInvitation(by: principal, tenant: tenant, token: token)
            return HTMLPage.seeOther(
                StartPages.path + "?godtatt=" + accepted.granted.role.rawValue + "&virksomhet="
                    + accepted.tenant.id.rawValue)
        } catch let error as InvitationError {
            return try problem(error, context)
        }
    }

    static func linkPath(tenant: String, token: String) -> String {
        path + "?tenant=" + LoginPages.queryValue(tenant) + "&token=" + LoginPages.queryValue(token)
    }

    private func problem<Context: PortalRequestContext>(_ error: InvitationError, _ context: Context) throws -> Response
    {
        let status: HTTPResponse.Status =
            switch error.category {
            case .gone: .gone
            case .conflict: .conflict
            case .invalid: .badRequest
            default: .notFound
            }
        let page = InvitationProblemPage(error, for: .role, visitor: context.visitor)
        return HTMLPage.response(try renderer.render(page, template: "invitation-problem"), status: status)
    }
}

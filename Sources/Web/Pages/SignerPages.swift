import Domain
import Engine
import Foundation
import HTTPTypes
import Hummingbird
import NIOCore

/// The signer's journey (the tenant administrator): the e-mail link's page and its acceptance, the list of
/// tenants the person signs for, the agreement page with signing, and the sealed file.
struct SignerPages: Sendable {
    static let invitationPath = "/kontaktperson/godta"
    static let ownTenantsPath = "/virksomhet"

    let onboarding: OnboardingDesk
    let renderer: PageRenderer

    /// `GET /kontaktperson/godta?tenant=…&token=…`: who invites whom to what; log in, or accept.
    func invitation<Context: PortalRequestContext>(_ request: Request, _ context: Context) async throws -> Response {
        let query = request.uri.queryParameters
        let tenant = String(query["tenant"] ?? "")
        let token = String(query["token"] ?? "")
        do {
            let (invitation, found) = try onboarding.administratorInvitation(tenant: tenant, token: token)
            let page = SignerInvitationPage(
                invitation: invitation, tenant: found, token: token, returnPath: request.pathAndQuery,
                visitor: context.visitor)
            return HTMLPage.response(try renderer.render(page, template: "signer-invitation"))
        } catch let error as InvitationError {
            return try problem(error, context)
        } catch is ValidationError {
            return try problem(.unknown, context)
        } catch let error as TenantError {
            guard case .unknown = error else { throw error }
            return try problem(.unknown, context)
        }
    }

    /// `POST /kontaktperson/godta`: the logged-in person accepts and becomes the tenant's administrator.
    func accept<Context: PortalRequestContext>(_ request: Request, _ context: Context) async throws -> Response {
        var request = request
        let form = try await FormFields.read(&request, limit: 16 * 1024)
        let tenant = form.text("tenant")
        let token = form.text("token")
        let principal = try context.visitor.requirePrincipal(
            returningTo: Self.invitationPath + "?tenant=" + LoginPages.queryValue(tenant) + "&token="
                + LoginPages.queryValue(token))
        do {
            let accepted = try await onboarding.acceptAdministratorInvitation(
                by: principal, tenant: tenant, token: token)
            return HTMLPage.seeOther(AgreementPages.path(accepted.id.rawValue) + "?godtatt=1")
        } catch let error as InvitationError {
            return try problem(error, context)
        } catch is ValidationError {
            return try problem(.unknown, context)
        }
    }

    /// `GET /virksomhet`: the tenants the person signs for.
    func ownTenants<Context: PortalRequestContext>(_ request: Request, _ context: Context) async throws -> Response {
        let principal = try context.visitor.requirePrincipal(returningTo: request.pathAndQuery)
        let page = OwnTenantsPage(tenants: try onboarding.administeredTenants(of: principal), visitor: context.visitor)
        return HTMLPage.response(try renderer.render(page, template: "own-tenants"))
    }

    private func problem<Context: PortalRequestContext>(_ error: InvitationError, _ context: Context) throws -> Response
    {
        let status: HTTPResponse.Status =
            switch error.category {
            case .gone: .gone
            case .conflict: .conflict
            default: .notFound
            }
        return HTMLPage.response(
            try renderer.render(InvitationProblemPage(error, for: .signer, visitor: context.visitor), template: "invitation-problem"),
            status: status)
    }
}

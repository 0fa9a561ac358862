import Domain
import Engine
import Foundation
import HTTPTypes
import Hummingbird

/// Support decides on the registrations of private virksomheter: approve (the virksomhet becomes a tenant
/// and the applicant its administrator) or reject with a reason; both through `AgreementDesk` with the
/// support person's caller, so they land in the same audit chain as the API's.
struct SupportRegistrationPages: Sendable {
    static let path = "/brukerstotte/registreringer"

    let engine: Engine
    let renderer: PageRenderer

    /// `GET /brukerstotte/registreringer`.
    func list<Context: PortalRequestContext>(_ request: Request, _ context: Context) async throws -> Response {
        let caller = try context.visitor.requireSupport(returningTo: request.pathAndQuery)
        let page = SupportRegistrationsPage(
            registrations: try engine.agreements.registrations(state: nil, by: caller), visitor: context.visitor,
            notice: SupportNotice.text(request.uri.queryParameters["utfort"]))
        return HTMLPage.response(try renderer.render(page, template: "support-registrations"))
    }

    /// `POST /brukerstotte/registreringer/{registrationId}/godkjenn`.
    func approve<Context: PortalRequestContext>(_ request: Request, _ context: Context) async throws -> Response {
        let caller = try context.visitor.requireSupport(returningTo: Self.path)
        let (_, tenant) = try await engine.agreements.approveRegistration(try registrationID(context), by: caller)
        return HTMLPage.seeOther(SupportPages.tenantPath(tenant.id.rawValue) + "?utfort=godkjent")
    }

    /// `POST /brukerstotte/registreringer/{registrationId}/avvis`: with the reason the applicant reads.
    func reject<Context: PortalRequestContext>(_ request: Request, _ context: Context) async throws -> Response {
        let caller = try context.visitor.requireSupport(returningTo: Self.path)
        let id = try registrationID(context)
        var request = request
        let form = try await FormFields.read(&request, limit: 16 * 1024)
        var errors = FormErrors()
        do {
            _ = try await engine.agreements.rejectRegistration(id, reason: form["reason"] ?? "", by: caller)
            return HTMLPage.seeOther(Self.path + "?utfort=avvist")
        } catch let failure as RegistrationError where failure.category == .invalid {
            errors.add("reason-\(id.lowercasedText)", failure.message, label: "Begrunnelse for avvisning")
        }
        let page = SupportRegistrationsPage(
            registrations: try engine.agreements.registrations(state: nil, by: caller), visitor: context.visitor,
            refused: id, form: form, errors: errors)
        return HTMLPage.response(try renderer.render(page, template: "support-registrations"), status: .badRequest)
    }

    private func registrationID<Context: PortalRequestContext>(_ context: Context) throws -> UUID {
        guard let id = UUID(uuidString: try context.parameters.require("registrationId")) else {
            throw RegistrationError.unknown
        }
        return id
    }
}

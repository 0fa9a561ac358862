import Domain
import Engine
import Foundation
import HTTPTypes
import Hummingbird

/// The LIS's own pages: registering in a tenant, and «Min side» there (plans and objectives, the people
/// around them, invitations to send, resend or revoke). Every step is one engine operation on the gated
/// tenant; the LIS reaches only their own record (the engine finds it by the person's key).
struct TraineePages: Sendable {
    static let registrationPath = "/lis/registrer"

    let engine: Engine
    let renderer: PageRenderer

    static func homePath(_ tenant: String) -> String { "/virksomhet/\(tenant)/meg" }

    /// `GET /lis/registrer[?virksomhet=ID]`: choose the employer among those in force, then the programme.
    func registration<Context: PortalRequestContext>(_ request: Request, _ context: Context) async throws -> Response {
        _ = try context.visitor.requirePrincipal(returningTo: request.pathAndQuery)
        let chosen = request.uri.queryParameters["virksomhet"].map(String.init) ?? ""
        return try registrationPage(context, form: FormFields(), chosen: chosen, errors: FormErrors(), status: .ok)
    }

    /// `POST /lis/registrer`: registers the person as LIS of the chosen tenant; then their page.
    func register<Context: PortalRequestContext>(_ request: Request, _ context: Context) async throws -> Response {
        let principal = try context.visitor.requirePrincipal(returningTo: Self.registrationPath)
        var request = request
        let form = try await FormFields.read(&request, limit: 16 * 1024)
        var errors = FormErrors()
        let tenant = form.text("virksomhet")
        let programme = Programme(rawValue: form.text("programme"))
        if programme == nil { errors.add("programme-lis1", "Velg utdanningsløpet ditt.", label: "Utdanning") }
        let email = form.text("email")
        if let programme {
            do {
                let caller = try engine.tenantCaller(tenant, for: principal)
                _ = try await engine.people.registerTrainee(caller, programme: programme, email: email.isEmpty ? nil : email)
                return HTMLPage.seeOther(Self.homePath(tenant) + "?registrert=1")
            } catch let failure as any DescribedFailure where failure.category == .invalid || failure.category == .conflict {
                errors.add(failure, fields: ["email": "email", "programme": "programme-lis1"], fallback: "virksomhet")
            }
        }
        return try registrationPage(context, form: form, chosen: tenant, errors: errors, status: .badRequest)
    }

    /// `GET /virksomhet/{tenantId}/meg`.
    func home<Context: PortalRequestContext>(_ request: Request, _ context: Context) async throws -> Response {
        let caller = try caller(context, returningTo: request.pathAndQuery)
        let query = request.uri.queryParameters
        let notice: String? =
            if query["registrert"] == "1" { "Du er registrert som lege i spesialisering i \(caller.tenant.name)." }
            else if query["invitert"] == "1" { "Invitasjonen er sendt på e-post. Den gjelder i 14 dager." }
            else if query["trukket"] == "1" { "Invitasjonen er trukket tilbake. Lenken i e-posten virker ikke lenger." }
            else if let count = query["importert"] { "Godkjenningene er hentet inn: \(count) læringsmål er oppdatert." }
            else { nil }
        return try await render(caller, context, notice: notice)
    }

    /// `POST /virksomhet/{tenantId}/meg/inviter`: a leder, veileder or supervisør, by e-mail.
    func invite<Context: PortalRequestContext>(_ request: Request, _ context: Context) async throws -> Response {
        let caller = try caller(context, returningTo: nil)
        var request = request
        let form = try await FormFields.read(&request, limit: 16 * 1024)
        var errors = FormErrors()
        let role = Role(rawValue: form.text("role"))
        if role == nil { errors.add("role-leder", "Velg hvilken rolle personen skal ha.", label: "Rolle") }
        if let role {
            do {
                let own = try await engine.people.myTraineeRecord(caller)
                _ = try await engine.people.invite(
                    caller, trainee: own.id, role: role, email: form.text("email"),
                    replacesHolder: form["erstatt"] == "ja")
                return HTMLPage.seeOther(Self.homePath(caller.tenant.id.rawValue) + "?invitert=1")
            } catch let failure as any DescribedFailure where failure.category == .invalid || failure.category == .conflict {
                errors.add(failure, fields: ["email": "email", "role": "role-leder"], fallback: "email")
            }
        }
        return try await render(caller, context, form: form, errors: errors, status: .badRequest)
    }

    /// `POST /virksomhet/{tenantId}/meg/invitasjoner/{invitationId}/trekk`.
    func revoke<Context: PortalRequestContext>(_ request: Request, _ context: Context) async throws -> Response {
        let caller = try caller(context, returningTo: nil)
        guard let invitation = UUID(uuidString: try context.parameters.require("invitationId")) else {
            throw PageNotFound(detail: "Not an invitation")
        }
        let own = try await engine.people.myTraineeRecord(caller)
        _ = try await engine.people.revokeInvitation(caller, trainee: own.id, invitation: invitation)
        return HTMLPage.seeOther(Self.homePath(caller.tenant.id.rawValue) + "?trukket=1")
    }

    /// `POST /virksomhet/{tenantId}/meg/invitasjoner/{invitationId}/send-igjen`: a new link, the old one ends.
    func resend<Context: PortalRequestContext>(_ request: Request, _ context: Context) async throws -> Response {
        let caller = try caller(context, returningTo: nil)
        guard let invitation = UUID(uuidString: try context.parameters.require("invitationId")) else {
            throw PageNotFound(detail: "Not an invitation")
        }
        let own = try await engine.people.myTraineeRecord(caller)
        _ = try await engine.people.resendInvitation(caller, trainee: own.id, invitation: invitation)
        return HTMLPage.seeOther(Self.homePath(caller.tenant.id.rawValue) + "?invitert=1")
    }

    // MARK: -

    func caller<Context: PortalRequestContext>(_ context: Context, returningTo path: String?) throws -> TenantCaller {
        let tenant = try context.parameters.require("tenantId")
        let principal = try context.visitor.requirePrincipal(returningTo: path ?? Self.homePath(tenant))
        return try engine.tenantCaller(tenant, for: principal)
    }

    func render<Context: PortalRequestContext>(
        _ caller: TenantCaller, _ context: Context, form: FormFields = FormFields(), errors: FormErrors = FormErrors(),
        notice: String? = nil, status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let home: TraineeHome
        do {
            home = try await engine.training.home(caller)
        } catch TraineeError.notRegistered {
            return HTMLPage.seeOther(Self.registrationPath + "?virksomhet=" + caller.tenant.id.rawValue)
        }
        let page = TraineeHomePage(
            home: home, tenant: caller.tenant, form: form, errors: errors, notice: notice, visitor: context.visitor)
        return HTMLPage.response(try renderer.render(page, template: "trainee-home"), status: status)
    }

    private func registrationPage<Context: PortalRequestContext>(
        _ context: Context, form: FormFields, chosen: String, errors: FormErrors, status: HTTPResponse.Status
    ) throws -> Response {
        let open = try engine.publicAgreementStatus().filter { $0.inForceSince != nil }.map(\.tenant)
        let page = TraineeRegistrationPage(
            tenants: open, chosen: chosen, form: form, errors: errors, visitor: context.visitor)
        return HTMLPage.response(try renderer.render(page, template: "trainee-register"), status: status)
    }
}

import Domain
import Engine
import Foundation
import HTTPTypes
import Hummingbird

/// Support and one LIS of a tenant: open time-limited, reasoned access and read the LIS's record (each read
/// lands in the LIS's access log with the reason), and invite an external person for the LIS with a reason.
/// The engine does both in the support person's name, from the console's `PlatformCaller`.
struct SupportTraineeActions: Sendable {
    let engine: Engine
    let pages: SupportPages

    static func traineePath(_ tenantID: String, _ traineeID: UUID) -> String {
        SupportPages.tenantPath(tenantID) + "/lis/" + traineeID.lowercasedText
    }

    /// `POST /brukerstotte/virksomhet/{tenantId}/tilgang`: opens access, then shows the LIS.
    func openAccess<Context: PortalRequestContext>(_ request: Request, _ context: Context) async throws -> Response {
        let tenantID = try context.parameters.require("tenantId")
        let caller = try context.visitor.requireSupport(returningTo: SupportPages.tenantPath(tenantID))
        var request = request
        let form = try await FormFields.read(&request, limit: 16 * 1024)
        var errors = FormErrors()
        let trainee = Self.traineeID(form, "access-trainee", errors: &errors)
        let minutes = Int(form.text("access-minutes")) ?? 0
        if form.text("access-reason").isEmpty {
            errors.add("access-reason", "Skriv saksnummeret og hvorfor du trenger tilgang.", label: "Begrunnelse")
        }
        if let trainee, !errors.hasErrors {
            do {
                _ = try await engine.support.openSupportAccess(
                    tenant: tenantID, reason: form.text("access-reason"), minutes: minutes, by: caller)
                return HTMLPage.seeOther(Self.traineePath(tenantID, trainee))
            } catch let failure as ValidationError where failure.field == "reason" {
                errors.add(
                    "access-reason",
                    failure.reason == .tooLong(max: 500)
                        ? failure.message : "Skriv minst 10 tegn: saksnummeret og hvorfor du trenger tilgang.",
                    label: "Begrunnelse")
            } catch let failure as ValidationError where failure.field == "minutes" {
                errors.add("access-minutes", "Velg hvor lenge tilgangen skal vare.", label: "Varighet")
            }
        }
        return try pages.refusedTenantForm(tenantID, caller: caller, context: context, form: form, errors: errors)
    }

    /// `GET /brukerstotte/virksomhet/{tenantId}/lis/{traineeId}`: the LIS's record under open access; the
    /// read is logged with the reason. Without open access the engine refuses (403 page, saying what to do).
    func trainee<Context: PortalRequestContext>(_ request: Request, _ context: Context) async throws -> Response {
        let tenantID = try context.parameters.require("tenantId")
        let caller = try context.visitor.requireSupport(returningTo: request.pathAndQuery)
        guard let id = UUID(uuidString: try context.parameters.require("traineeId")) else {
            throw PageNotFound(detail: "No such LIS")
        }
        let (tenant, trainee) = try await engine.support.trainee(tenant: tenantID, trainee: id, by: caller)
        let page = SupportTraineePage(tenant: tenant, trainee: trainee, visitor: context.visitor)
        return HTMLPage.response(try pages.renderer.render(page, template: "support-trainee"))
    }

    /// `POST /brukerstotte/virksomhet/{tenantId}/ekstern`: invites an external person for a LIS.
    func inviteExternal<Context: PortalRequestContext>(_ request: Request, _ context: Context) async throws
        -> Response
    {
        let tenantID = try context.parameters.require("tenantId")
        let caller = try context.visitor.requireSupport(returningTo: SupportPages.tenantPath(tenantID))
        var request = request
        let form = try await FormFields.read(&request, limit: 16 * 1024)
        var errors = FormErrors()
        let trainee = Self.traineeID(form, "external-trainee", errors: &errors)
        let role = Role(rawValue: form.text("external-role"))
        if role == nil { errors.add("external-role", "Velg en rolle.", label: "Rolle") }
        let email = form.text("external-email")
        _ = errors.check(
            "external-email", label: "E-postadresse",
            message: email.isEmpty ? nil : "Skriv en gyldig e-postadresse, for eksempel navn@example.no."
        ) { try Trainee.validEmail(email) }
        if form.text("external-reason").isEmpty {
            errors.add("external-reason", "Skriv hvorfor brukerstøtte inviterer personen.", label: "Begrunnelse")
        }
        if let trainee, let role, !errors.hasErrors {
            do {
                _ = try await engine.people.supportInvite(
                    tenant: tenantID, trainee: trainee, role: role, email: email,
                    replacesHolder: form["external-replaces"] == "ja", reason: form.text("external-reason"), by: caller)
                return HTMLPage.seeOther(SupportPages.tenantPath(tenantID) + "?utfort=ekstern-invitert")
            } catch let failure as TraineeError {
                guard case .notFound = failure else { throw failure }
                errors.add("external-trainee", "Vi finner ingen LIS med denne ID-en i virksomheten.", label: "LIS-ens ID")
            } catch let failure as any DescribedFailure where SupportTenantActions.isAboutTheForm(failure) {
                errors.add(
                    failure, fields: ["email": "external-email", "reason": "external-reason", "role": "external-role"],
                    fallback: "external-role",
                    labels: ["external-email": "E-postadresse", "external-reason": "Begrunnelse", "external-role": "Rolle"])
            }
        }
        return try pages.refusedTenantForm(tenantID, caller: caller, context: context, form: form, errors: errors)
    }

    /// The LIS's id from a field: a UUID, or a message at the field.
    private static func traineeID(_ form: FormFields, _ field: String, errors: inout FormErrors) -> UUID? {
        let text = form.text(field)
        if let id = UUID(uuidString: text) { return id }
        errors.add(
            field, text.isEmpty ? "Skriv inn ID-en til LIS-en." : "ID-en har 36 tegn, som 3f2a9c1e-…; sjekk den.",
            label: "LIS-ens ID")
        return nil
    }
}

import Domain
import Engine
import Foundation
import HTTPTypes
import Hummingbird

/// The leder's approvals: «Til godkjenning» (the objectives their LIS have sent, oldest first), and one
/// objective's page with the LIS's activities for it, where the leder names the consulted veileder and
/// supervisør(er) by name and approves, or rejects (underkjenner) with a comment. Every step is the engine's.
struct ApprovalPages: Sendable {
    let engine: Engine
    let renderer: PageRenderer

    static func listPath(_ tenant: String) -> String { "/virksomhet/\(tenant)/til-godkjenning" }
    static func objectivePath(_ tenant: String, trainee: UUID, planKey: String, objective: String) -> String {
        "/virksomhet/\(tenant)/lis/\(trainee.lowercasedText)/laeringsmal/\(planKey)/\(objective)"
    }

    /// `GET /virksomhet/{tenantId}/til-godkjenning[?utfort=…]`.
    func list<Context: PortalRequestContext>(_ request: Request, _ context: Context) async throws -> Response {
        let principal = try context.visitor.requirePrincipal(returningTo: request.pathAndQuery)
        let caller = try engine.tenantCaller(try context.parameters.require("tenantId"), for: principal)
        let waiting = try await engine.work.objectivesToApprove(caller)
        let notice: String? =
            switch request.uri.queryParameters["utfort"] {
            case "godkjent": "Læringsmålet er godkjent. Legen ser det i fremdriftsrapporten."
            case "underkjent": "Læringsmålet er underkjent. Legen ser kommentaren din."
            default: nil
            }
        let page = ApprovalListPage(tenant: caller.tenant, waiting: waiting, notice: notice, visitor: context.visitor)
        return HTMLPage.response(try renderer.render(page, template: "approval-list"))
    }

    /// `GET /virksomhet/{tenantId}/lis/{traineeId}/laeringsmal/{planKey}/{objectiveId}`.
    func objective<Context: PortalRequestContext>(_ request: Request, _ context: Context) async throws -> Response {
        let target = try target(context, returningTo: request.pathAndQuery)
        let notice = request.uri.queryParameters["utfort"] == "trukket" ? "Godkjenningen er trukket tilbake." : nil
        return try await render(target, context, notice: notice)
    }

    /// `POST …/godkjenn`: `veileder` (an assignment id) and one or more `supervisor`.
    func approve<Context: PortalRequestContext>(_ request: Request, _ context: Context) async throws -> Response {
        let target = try target(context, returningTo: nil)
        var request = request
        let form = try await FormFields.read(&request, limit: 16 * 1024)
        var errors = FormErrors()
        // Both named at once when missing, in words a leder reads; the engine checks again.
        if form.text("veileder").isEmpty {
            errors.add("veileder", "Velg veilederen du har rådført deg med.", label: "Veileder")
        }
        if form.all("supervisor").isEmpty {
            errors.add("supervisor", "Velg minst én supervisør du har rådført deg med.", label: "Supervisør")
        }
        if !errors.hasErrors {
            try await approve(target, form, &errors)
            if !errors.hasErrors {
                return HTMLPage.seeOther(Self.listPath(target.caller.tenant.id.rawValue) + "?utfort=godkjent")
            }
        }
        return try await render(target, context, form: form, errors: errors, status: .badRequest)
    }

    private func approve(_ target: Target, _ form: FormFields, _ errors: inout FormErrors) async throws {
        do {
            _ = try await engine.training.approveObjective(
                target.caller, trainee: target.trainee, objective: target.objective, planKey: target.planKey,
                consultedVeileder: form.text("veileder"), consultedSupervisors: form.all("supervisor"))
        } catch let failure as any DescribedFailure where failure.category == .invalid {
            let field = Self.isAboutVeileder(failure) ? "veileder" : "supervisor"
            errors.add(field, failure.message, label: field == "veileder" ? "Veileder" : "Supervisør")
        }
    }

    /// `POST …/underkjenn`: with a comment the LIS sees.
    func reject<Context: PortalRequestContext>(_ request: Request, _ context: Context) async throws -> Response {
        let target = try target(context, returningTo: nil)
        var request = request
        let form = try await FormFields.read(&request, limit: 64 * 1024)
        var errors = FormErrors()
        if form.text("kommentar").isEmpty {
            errors.add("kommentar", "Skriv hvorfor læringsmålet underkjennes, så vet legen hva som mangler.", label: "Kommentar")
        } else {
            do {
                _ = try await engine.training.rejectObjective(
                    target.caller, trainee: target.trainee, objective: target.objective, planKey: target.planKey,
                    comment: form.text("kommentar"))
                return HTMLPage.seeOther(Self.listPath(target.caller.tenant.id.rawValue) + "?utfort=underkjent")
            } catch let failure as any DescribedFailure where failure.category == .invalid {
                errors.add("kommentar", failure.message, label: "Kommentar")
            }
        }
        return try await render(target, context, form: form, errors: errors, status: .badRequest)
    }

    /// `POST …/trekk-tilbake`: undoes an approval, with the reason the LIS and the log see.
    func revoke<Context: PortalRequestContext>(_ request: Request, _ context: Context) async throws -> Response {
        let target = try target(context, returningTo: nil)
        var request = request
        let form = try await FormFields.read(&request, limit: 64 * 1024)
        var errors = FormErrors()
        if form.text("begrunnelse").isEmpty {
            errors.add("begrunnelse", "Skriv hvorfor godkjenningen trekkes tilbake.", label: "Begrunnelse")
        } else {
            do {
                _ = try await engine.training.revokeObjectiveApproval(
                    target.caller, trainee: target.trainee, objective: target.objective, planKey: target.planKey,
                    reason: form.text("begrunnelse"))
                return HTMLPage.seeOther(
                    Self.objectivePath(
                        target.caller.tenant.id.rawValue, trainee: target.trainee, planKey: target.planKey,
                        objective: target.objective) + "?utfort=trukket")
            } catch let failure as any DescribedFailure where failure.category == .invalid {
                errors.add("begrunnelse", failure.message, label: "Begrunnelse")
            }
        }
        return try await render(target, context, form: form, errors: errors, status: .badRequest)
    }

    // MARK: -

    struct Target {
        let caller: TenantCaller
        let trainee: UUID
        let planKey: String
        let objective: String
    }

    private func target<Context: PortalRequestContext>(_ context: Context, returningTo path: String?) throws -> Target {
        let tenant = try context.parameters.require("tenantId")
        let principal = try context.visitor.requirePrincipal(returningTo: path ?? Self.listPath(tenant))
        guard let trainee = UUID(uuidString: try context.parameters.require("traineeId")) else {
            throw PageNotFound(detail: "Not a LIS")
        }
        return Target(
            caller: try engine.tenantCaller(tenant, for: principal), trainee: trainee,
            planKey: try context.parameters.require("planKey"), objective: try context.parameters.require("objectiveId"))
    }

    private func render<Context: PortalRequestContext>(
        _ target: Target, _ context: Context, form: FormFields = FormFields(), errors: FormErrors = FormErrors(),
        notice: String? = nil, status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let view = try await engine.training.objectiveForDecision(
            target.caller, trainee: target.trainee, planKey: target.planKey, objective: target.objective)
        let page = ObjectiveDecisionPage(
            view: view, tenant: target.caller.tenant, planKey: target.planKey, form: form, errors: errors,
            notice: notice, visitor: context.visitor)
        return HTMLPage.response(try renderer.render(page, template: "objective-decision"), status: status)
    }

    static func isAboutVeileder(_ failure: any DescribedFailure) -> Bool {
        if failure.inputField == "consultedVeileder" { return true }
        if let objective = failure as? ObjectiveError, case .consultationRequired(.veileder) = objective { return true }
        return false
    }
}

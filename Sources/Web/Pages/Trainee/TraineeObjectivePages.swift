import Domain
import Engine
import Foundation
import HTTPTypes
import Hummingbird

/// One objective on the LIS's own page: the recommended activities, the activities recorded for it with
/// their state (a rejection with its comment), recording a new one (recommended, or an alternative that is
/// documented), sending one to a named supervisør or the veileder, and sending the objective to the leder.
struct TraineeObjectivePages: Sendable {
    let engine: Engine
    let renderer: PageRenderer
    /// `http.maxUploadBytes`: the largest attachment.
    let uploadLimit: Int

    static func path(_ tenant: String, planKey: String, objective: String) -> String {
        TraineePages.homePath(tenant) + "/laeringsmal/\(planKey)/\(objective)"
    }

    /// `GET /virksomhet/{tenantId}/meg/laeringsmal/{planKey}/{objectiveId}[?utfort=…]`.
    func show<Context: PortalRequestContext>(_ request: Request, _ context: Context) async throws -> Response {
        let target = try await target(context, returningTo: request.pathAndQuery)
        let notice: String? =
            switch request.uri.queryParameters["utfort"] {
            case "registrert": "Aktiviteten er registrert. Send den til signering når du er klar."
            case "sendt": "Aktiviteten er sendt til signering. Personen får beskjed på e-post."
            case "maal-sendt": "Læringsmålet er sendt til lederen din for godkjenning."
            case "rettet": "Aktiviteten er rettet. Send den til signering igjen."
            default: nil
            }
        return try await render(target, context, notice: notice)
    }

    /// `POST …/aktivitet`: records an activity (`valg` = the index of a recommended one, or `annen`).
    func record<Context: PortalRequestContext>(_ request: Request, _ context: Context) async throws -> Response {
        let target = try await target(context, returningTo: nil)
        var request = request
        let form = try await FormFields.read(&request, limit: uploadLimit + Portal.uploadFormAllowance)
        var errors = FormErrors()
        let choice = form.text("valg")
        let file = form.file("vedlegg").flatMap { $0.isEmpty ? nil : (filename: form.filename("vedlegg"), bytes: $0) }
        let alternative =
            choice == "annen"
            ? ActivityInput.Alternative(
                type: form.text("type"), signer: form.text("signer"), documentation: form.text("dokumentasjon"))
            : nil
        if choice.isEmpty { errors.add("valg-0", "Velg hvilken aktivitet du har gjennomført.", label: "Aktivitet") }
        if form.text("utfort").isEmpty { errors.add("utfort", "Skriv datoen du gjennomførte aktiviteten.", label: "Dato") }
        if !errors.hasErrors {
            do {
                _ = try await engine.training.recordActivity(
                    target.caller, trainee: target.trainee,
                    ActivityInput(
                        planKey: target.planKey, objectiveID: target.objective, recommendation: Int(choice),
                        alternative: alternative, performedOn: TerminationPages.isoDate(form.text("utfort")),
                        note: form.text("notat"), attachmentSha256: nil),
                    attaching: file)
                return HTMLPage.seeOther(target.path + "?utfort=registrert")
            } catch let failure as AttachmentError {
                errors.add("vedlegg", failure.message + " Velg filen på nytt.", label: "Vedlegg")
            } catch let failure as any DescribedFailure where failure.category == .invalid {
                errors.add(failure, fields: Self.fields, fallback: Self.field(for: failure))
            }
        }
        if file != nil, errors.hasErrors, errors.message(for: "vedlegg") == nil {
            // A browser never sends a chosen file again: say so where the file was chosen.
            errors.add("vedlegg", "Velg vedlegget på nytt.", label: "Vedlegg")
        }
        return try await render(target, context, form: form, errors: errors, status: .badRequest)
    }

    /// `POST …/aktivitet/{activityId}/send`: to the person chosen by name (`til`, their assignment).
    func submitActivity<Context: PortalRequestContext>(_ request: Request, _ context: Context) async throws -> Response {
        let target = try await target(context, returningTo: nil)
        guard let activity = UUID(uuidString: try context.parameters.require("activityId")) else {
            throw PageNotFound(detail: "Not an activity")
        }
        var request = request
        let form = try await FormFields.read(&request, limit: 16 * 1024)
        let field = "til-" + activity.lowercasedText
        var errors = FormErrors()
        do {
            _ = try await engine.training.submitActivity(
                target.caller, trainee: target.trainee, activity: activity, signerAssignment: form.text("til"))
            return HTMLPage.seeOther(target.path + "?utfort=sendt")
        } catch let failure as any DescribedFailure where failure.category == .invalid || failure.category == .conflict {
            errors.add(field, failure.message, label: "Send til")
        }
        return try await render(target, context, form: form, errors: errors, status: .badRequest)
    }

    /// `POST …/aktivitet/{activityId}/rett`: corrects a draft or rejected activity's date and note (the kind of
    /// activity stays); then it can be sent again.
    func correct<Context: PortalRequestContext>(_ request: Request, _ context: Context) async throws -> Response {
        let target = try await target(context, returningTo: nil)
        guard let id = UUID(uuidString: try context.parameters.require("activityId")) else {
            throw PageNotFound(detail: "Not an activity")
        }
        var request = request
        let form = try await FormFields.read(&request, limit: 64 * 1024)
        let suffix = id.lowercasedText
        var errors = FormErrors()
        let view = try await engine.training.objectiveForDecision(
            target.caller, trainee: target.trainee, planKey: target.planKey, objective: target.objective)
        guard let activity = view.activities.first(where: { $0.id == id }) else {
            throw PageNotFound(detail: "Not an activity of this objective")
        }
        var recommendation: Int?
        var alternative: ActivityInput.Alternative?
        switch activity.content.kind {
        case .recommended(let index): recommendation = index
        case .alternative(let type, let signer, let documentation):
            alternative = .init(type: type.rawValue, signer: signer.rawValue, documentation: documentation)
        }
        do {
            _ = try await engine.training.editActivity(
                target.caller, trainee: target.trainee, activity: id,
                ActivityInput(
                    planKey: target.planKey, objectiveID: target.objective, recommendation: recommendation,
                    alternative: alternative, performedOn: TerminationPages.isoDate(form.text("utfort-" + suffix)),
                    note: form.text("notat-" + suffix), attachmentSha256: activity.content.attachment?.sha256))
            return HTMLPage.seeOther(target.path + "?utfort=rettet")
        } catch let failure as any DescribedFailure where failure.category == .invalid || failure.category == .conflict {
            let field = failure.inputField == "note" ? "notat-" + suffix : "utfort-" + suffix
            errors.add(field, failure.message, label: "Rett aktiviteten")
        }
        return try await render(target, context, form: form, errors: errors, status: .badRequest)
    }

    /// `POST …/send`: the objective to the leder.
    func submitObjective<Context: PortalRequestContext>(_ request: Request, _ context: Context) async throws -> Response {
        let target = try await target(context, returningTo: nil)
        var errors = FormErrors()
        do {
            _ = try await engine.training.submitObjective(
                target.caller, trainee: target.trainee, objective: target.objective, planKey: target.planKey)
            return HTMLPage.seeOther(target.path + "?utfort=maal-sendt")
        } catch let failure as any DescribedFailure where failure.category == .invalid || failure.category == .conflict {
            errors.add("send-maal", failure.message, label: "Send læringsmålet")
        }
        return try await render(target, context, errors: errors, status: .badRequest)
    }

    // MARK: -

    struct Target {
        let caller: TenantCaller
        let trainee: UUID
        let planKey: String
        let objective: String
        var path: String { TraineeObjectivePages.path(caller.tenant.id.rawValue, planKey: planKey, objective: objective) }
    }

    static let fields = [
        "performedOn": "utfort", "note": "notat", "recommendation": "valg-0", "alternative": "type",
        "documentation": "dokumentasjon", "attachment": "vedlegg", "attachment.filename": "vedlegg",
    ]

    /// Where a domain refusal without a field belongs on the form.
    static func field(for failure: any DescribedFailure) -> String {
        switch failure as? ActivityError {
        case .futureDate?: "utfort"
        case .documentationRequired?: "dokumentasjon"
        default: "valg-0"
        }
    }

    private func target<Context: PortalRequestContext>(_ context: Context, returningTo path: String?) async throws
        -> Target
    {
        let tenant = try context.parameters.require("tenantId")
        let principal = try context.visitor.requirePrincipal(returningTo: path ?? TraineePages.homePath(tenant))
        let caller = try engine.tenantCaller(tenant, for: principal)
        let own = try await engine.people.myTraineeRecord(caller)
        return Target(
            caller: caller, trainee: own.id, planKey: try context.parameters.require("planKey"),
            objective: try context.parameters.require("objectiveId"))
    }

    private func render<Context: PortalRequestContext>(
        _ target: Target, _ context: Context, form: FormFields = FormFields(), errors: FormErrors = FormErrors(),
        notice: String? = nil, status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let view = try await engine.training.objectiveForDecision(
            target.caller, trainee: target.trainee, planKey: target.planKey, objective: target.objective)
        let page = TraineeObjectivePage(
            view: view, tenant: target.caller.tenant, trainee: target.trainee, path: target.path, form: form,
            errors: errors, notice: notice, uploadLimit: uploadLimit, visitor: context.visitor)
        return HTMLPage.response(try renderer.render(page, template: "trainee-objective"), status: status)
    }
}

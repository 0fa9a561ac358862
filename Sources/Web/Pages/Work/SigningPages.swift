import Domain
import Engine
import Foundation
import HTTPTypes
import Hummingbird

/// `/til-signering`: the activities sent to the logged-in supervisør or veileder, across every tenant they
/// work in, oldest first, each with «Godkjenn» and «Avvis» (a comment the LIS sees). The list and each
/// decision are the engine's (`WorkDesk`, `TrainingDesk`), with their access-log lines.
struct SigningPages: Sendable {
    static let path = "/til-signering"

    let engine: Engine
    let renderer: PageRenderer

    static func decisionPath(tenant: String, trainee: UUID, activity: UUID, _ verb: String) -> String {
        "\(path)/\(tenant)/\(trainee.lowercasedText)/\(activity.lowercasedText)/\(verb)"
    }

    /// `GET /til-signering[?utfort=godkjent|avvist]`.
    func list<Context: PortalRequestContext>(_ request: Request, _ context: Context) async throws -> Response {
        let principal = try context.visitor.requirePrincipal(returningTo: request.pathAndQuery)
        let notice: String? =
            switch request.uri.queryParameters["utfort"] {
            case "godkjent": "Aktiviteten er godkjent. Legen ser det med en gang."
            case "avvist": "Aktiviteten er avvist. Legen ser kommentaren din og kan rette og sende den på nytt."
            default: nil
            }
        return try await render(principal, context, notice: notice)
    }

    /// `POST /til-signering/{tenantId}/{traineeId}/{activityId}/godkjenn`.
    func approve<Context: PortalRequestContext>(_ request: Request, _ context: Context) async throws -> Response {
        let (caller, trainee, activity) = try target(context)
        _ = try await engine.training.approveActivity(caller, trainee: trainee, activity: activity)
        return HTMLPage.seeOther(Self.path + "?utfort=godkjent")
    }

    /// `POST /til-signering/{tenantId}/{traineeId}/{activityId}/avvis`: with the comment, or the list again
    /// with the refusal at that activity's comment field.
    func reject<Context: PortalRequestContext>(_ request: Request, _ context: Context) async throws -> Response {
        let (caller, trainee, activity) = try target(context)
        var request = request
        let form = try await FormFields.read(&request, limit: 64 * 1024)
        let field = SigningPage.commentField(activity)
        var errors = FormErrors()
        let comment = form.text("kommentar")
        if comment.isEmpty {
            errors.add(field, "Skriv hva legen må rette, så vet hen hva som mangler.", label: "Kommentar")
        } else {
            do {
                _ = try await engine.training.rejectActivity(caller, trainee: trainee, activity: activity, comment: comment)
                return HTMLPage.seeOther(Self.path + "?utfort=avvist")
            } catch let failure as any DescribedFailure where failure.category == .invalid {
                errors.add(field, failure.message, label: "Kommentar")
            }
        }
        return try await render(
            caller.principal, context, errors: errors, typed: [field: comment], status: .badRequest)
    }

    private func render<Context: PortalRequestContext>(
        _ principal: Principal, _ context: Context, errors: FormErrors = FormErrors(), typed: [String: String] = [:],
        notice: String? = nil, status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let waiting = try await engine.work.activitiesToSign(by: principal)
        let page = SigningPage(waiting: waiting, errors: errors, typed: typed, notice: notice, visitor: context.visitor)
        return HTMLPage.response(try renderer.render(page, template: "signing"), status: status)
    }

    private func target<Context: PortalRequestContext>(_ context: Context) throws -> (TenantCaller, UUID, UUID) {
        let principal = try context.visitor.requirePrincipal(returningTo: Self.path)
        let caller = try engine.tenantCaller(try context.parameters.require("tenantId"), for: principal)
        guard let trainee = UUID(uuidString: try context.parameters.require("traineeId")),
            let activity = UUID(uuidString: try context.parameters.require("activityId"))
        else { throw PageNotFound(detail: "Not an activity") }
        return (caller, trainee, activity)
    }
}

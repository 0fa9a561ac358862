import Domain
import Engine
import Foundation
import HTTPTypes
import Hummingbird

/// The leder's page for a LIS's plans (`/virksomhet/{tenantId}/lis/{traineeId}/planer`): assign a plan in
/// force (an ALIS's «Allmennmedisin (ALM)» and «Felles kompetansemål (FKM)»), remove one no work has started
/// on, archive one that has started. A LIS1 in a kommune gets their plan automatically.
struct PlanPages: Sendable {
    let engine: Engine
    let renderer: PageRenderer

    static func path(_ tenant: String, trainee: UUID) -> String {
        "/virksomhet/\(tenant)/lis/\(trainee.lowercasedText)/planer"
    }

    struct Page: Sendable {
        struct Row: Sendable {
            let name: String
            let state: String
            let removeAction: String?
            let archiveAction: String?
        }

        struct Option: Sendable {
            let value: String
            let label: String
        }

        let layout: PageLayout
        let errors: FormErrors
        let notice: String?
        let traineeName: String
        let rows: [Row]
        let hasRows: Bool
        let options: [Option]
        let hasOptions: Bool
        let mayAssign: Bool
        let assignAction: String
        let planError: String?
    }

    func show<Context: PortalRequestContext>(_ request: Request, _ context: Context) async throws -> Response {
        let (caller, trainee) = try target(context, returningTo: request.pathAndQuery)
        let notice: String? =
            switch request.uri.queryParameters["utfort"] {
            case "tildelt": "Planen er tildelt."
            case "fjernet": "Planen er fjernet."
            case "arkivert": "Planen er arkivert. Historikken er tatt vare på."
            default: nil
            }
        return try await render(caller, trainee, context, notice: notice)
    }

    func assign<Context: PortalRequestContext>(_ request: Request, _ context: Context) async throws -> Response {
        let (caller, trainee) = try target(context, returningTo: nil)
        var request = request
        let form = try await FormFields.read(&request, limit: 16 * 1024)
        var errors = FormErrors()
        do {
            _ = try await engine.training.assignPlan(caller, trainee: trainee, planKey: form.text("plan"))
            return HTMLPage.seeOther(Self.path(caller.tenant.id.rawValue, trainee: trainee) + "?utfort=tildelt")
        } catch let failure as any DescribedFailure where failure.category == .invalid || failure.category == .conflict {
            errors.add("plan", failure.message, label: "Plan")
        }
        return try await render(caller, trainee, context, errors: errors, status: .badRequest)
    }

    /// `POST …/planer/{assignmentId}/fjern` or `…/arkiver`.
    func change<Context: PortalRequestContext>(_ request: Request, _ context: Context, archive: Bool) async throws
        -> Response
    {
        let (caller, trainee) = try target(context, returningTo: nil)
        guard let assignment = UUID(uuidString: try context.parameters.require("assignmentId")) else {
            throw PageNotFound(detail: "Not a plan assignment")
        }
        if archive {
            _ = try await engine.training.archivePlan(caller, trainee: trainee, assignment: assignment)
        } else {
            try await engine.training.removePlan(caller, trainee: trainee, assignment: assignment)
        }
        return HTMLPage.seeOther(
            Self.path(caller.tenant.id.rawValue, trainee: trainee) + (archive ? "?utfort=arkivert" : "?utfort=fjernet"))
    }

    private func render<Context: PortalRequestContext>(
        _ caller: TenantCaller, _ trainee: UUID, _ context: Context, errors: FormErrors = FormErrors(),
        notice: String? = nil, status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let choice = try await engine.training.planChoice(caller, trainee: trainee)
        let base = Self.path(caller.tenant.id.rawValue, trainee: trainee)
        let assigned = Set(choice.assignments.filter { $0.assignment.state != .archived }.map(\.assignment.plan.key))
        let rows = choice.assignments.map { named in
            let id = named.assignment.id.lowercasedText
            let state: String
            switch named.assignment.state {
            case .assigned: state = "Tildelt, ikke påbegynt"
            case .started: state = "Påbegynt"
            case .archived: state = "Arkivert"
            }
            return Page.Row(
                name: named.name, state: state,
                removeAction: choice.callerMayAssign && named.assignment.state == .assigned ? "\(base)/\(id)/fjern" : nil,
                archiveAction: choice.callerMayAssign && named.assignment.state == .started ? "\(base)/\(id)/arkiver" : nil)
        }
        let options = choice.inForce.filter { !assigned.contains($0.key) }.map {
            Page.Option(value: $0.key.rawValue, label: $0.name)
        }
        let page = Page(
            layout: PageLayout(title: "Utdanningsplaner for \(choice.trainee.name)", visitor: context.visitor, hasErrors: errors.hasErrors),
            errors: errors, notice: notice, traineeName: choice.trainee.name, rows: rows, hasRows: !rows.isEmpty,
            options: options, hasOptions: !options.isEmpty, mayAssign: choice.callerMayAssign, assignAction: base,
            planError: errors.message(for: "plan"))
        return HTMLPage.response(try renderer.render(page, template: "plans"), status: status)
    }

    private func target<Context: PortalRequestContext>(_ context: Context, returningTo path: String?) throws
        -> (TenantCaller, UUID)
    {
        let tenant = try context.parameters.require("tenantId")
        let principal = try context.visitor.requirePrincipal(returningTo: path ?? "/start")
        guard let trainee = UUID(uuidString: try context.parameters.require("traineeId")) else {
            throw PageNotFound(detail: "Not a LIS")
        }
        return (try engine.tenantCaller(tenant, for: principal), trainee)
    }
}

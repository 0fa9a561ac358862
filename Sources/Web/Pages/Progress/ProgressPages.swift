import Domain
import Engine
import Foundation
import Hummingbird

/// One LIS's progress report through the cookie session: the page, the printable document and the CSV,
/// each the engine's `ReportDesk.progressReport` (the LIS, their leder and veileder; logged for anyone but
/// the LIS), so a page read is logged exactly as the API's.
struct ProgressPages: Sendable {
    let engine: Engine
    let renderer: PageRenderer
    let reports: ReportRenderer

    static func path(_ tenant: String, trainee: UUID) -> String {
        "/virksomhet/\(tenant)/lis/\(trainee.lowercasedText)/fremdrift"
    }

    /// `GET /virksomhet/{tenantId}/lis/{traineeId}/fremdrift`.
    func show<Context: PortalRequestContext>(_ request: Request, _ context: Context) async throws -> Response {
        let (caller, report, trainee) = try await read(request, context)
        let page = ProgressPage(
            report, trainee: trainee, tenant: caller.tenant, generatedAt: engine.currentTime, visitor: context.visitor)
        return HTMLPage.response(
            try renderer.render(page, template: "progress", placing: try reports.sectionRows(page.report)))
    }

    /// `GET …/fremdrift/utskrift`: the printable report, as the API's `?format=html`.
    func printable<Context: PortalRequestContext>(_ request: Request, _ context: Context) async throws -> Response {
        let (caller, report, trainee) = try await read(request, context)
        return Download.printable(
            try reports.progress(
                report, traineeName: trainee.name, tenantName: caller.tenant.name, generatedAt: engine.currentTime))
    }

    /// `GET …/fremdrift/csv`: the CSV, as the API's `?format=csv`.
    func csv<Context: PortalRequestContext>(_ request: Request, _ context: Context) async throws -> Response {
        let (_, report, trainee) = try await read(request, context)
        return Download.csv(report.csv(), title: "fremdriftsrapport \(trainee.name)", at: engine.currentTime)
    }

    private func read<Context: PortalRequestContext>(_ request: Request, _ context: Context) async throws
        -> (TenantCaller, ProgressReport, Trainee)
    {
        let principal = try context.visitor.requirePrincipal(returningTo: request.pathAndQuery)
        let caller = try engine.tenantCaller(try context.parameters.require("tenantId"), for: principal)
        guard let id = UUID(uuidString: try context.parameters.require("traineeId")) else {
            throw PageNotFound(detail: "Not a LIS")
        }
        let (report, trainee) = try await HiddenRefusal.hidingForbidden {
            try await engine.reports.progressReport(caller, trainee: id)
        }
        return (caller, report, trainee)
    }
}

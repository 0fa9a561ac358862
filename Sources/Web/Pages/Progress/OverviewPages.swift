import Domain
import Engine
import Foundation
import Hummingbird

/// The overviews of many LIS: «Mine LIS» for a leder and a veileder (`ReportDesk.lederOverview`,
/// `veilederOverview`) and «Oversikt over LIS» for the tenant's administrator (`ReportDesk.tenantOverview`),
/// each with the CSV the API gives. Each read logs one line per LIS shown, in the engine.
struct OverviewPages: Sendable {
    let engine: Engine
    let renderer: PageRenderer
    let reports: ReportRenderer

    static func traineesPath(_ tenant: String) -> String { "/virksomhet/\(tenant)/mine-lis" }
    static func tenantPath(_ tenant: String) -> String { "/virksomhet/\(tenant)/oversikt" }

    /// `GET /virksomhet/{tenantId}/mine-lis`.
    func trainees<Context: PortalRequestContext>(_ request: Request, _ context: Context) async throws -> Response {
        let caller = try caller(request, context)
        let leder = try await engine.reports.lederOverview(caller)
        let veileder = try await engine.reports.veilederOverview(caller)
        let page = OverviewPage.trainees(leder: leder, veileder: veileder, tenant: caller.tenant, visitor: context.visitor)
        return HTMLPage.response(try renderer.render(page, template: "overview"))
    }

    /// `GET /virksomhet/{tenantId}/mine-lis/csv[?rolle=veileder]`: the leder's (or veileder's) LIS as CSV.
    func traineesCSV<Context: PortalRequestContext>(_ request: Request, _ context: Context) async throws -> Response {
        let caller = try caller(request, context)
        let asVeileder = request.uri.queryParameters["rolle"] == "veileder"
        let overview: LederOverview
        if asVeileder {
            overview = try await engine.reports.veilederOverview(caller)
        } else {
            overview = try await engine.reports.lederOverview(caller)
        }
        return Download.csv(overview.csv(), title: "mine LIS", at: engine.currentTime)
    }

    /// `GET /virksomhet/{tenantId}/oversikt`: for the tenant's administrator; anyone else gets the page that
    /// is not there.
    func tenant<Context: PortalRequestContext>(_ request: Request, _ context: Context) async throws -> Response {
        let caller = try caller(request, context)
        let overview = try await HiddenRefusal.hidingForbidden { try await engine.reports.tenantOverview(caller) }
        let page = OverviewPage.tenant(overview, tenant: caller.tenant, visitor: context.visitor)
        return HTMLPage.response(try renderer.render(page, template: "overview"))
    }

    /// `GET /virksomhet/{tenantId}/oversikt/csv`.
    func tenantCSV<Context: PortalRequestContext>(_ request: Request, _ context: Context) async throws -> Response {
        let caller = try caller(request, context)
        let overview = try await HiddenRefusal.hidingForbidden { try await engine.reports.tenantOverview(caller) }
        return Download.csv(overview.csv(), title: "oversikt \(caller.tenant.name)", at: engine.currentTime)
    }

    /// `GET /virksomhet/{tenantId}/oversikt/utskrift`: the printable overview, as the API's `?format=html`.
    func tenantPrintable<Context: PortalRequestContext>(_ request: Request, _ context: Context) async throws -> Response {
        let caller = try caller(request, context)
        let overview = try await HiddenRefusal.hidingForbidden { try await engine.reports.tenantOverview(caller) }
        return Download.printable(
            try reports.overview(
                overview, title: "Oversikt over LIS – \(caller.tenant.name)", tenantName: caller.tenant.name,
                generatedAt: engine.currentTime))
    }

    private func caller<Context: PortalRequestContext>(_ request: Request, _ context: Context) throws -> TenantCaller {
        let principal = try context.visitor.requirePrincipal(returningTo: request.pathAndQuery)
        return try engine.tenantCaller(try context.parameters.require("tenantId"), for: principal)
    }
}

import Domain
import Engine
import Foundation

/// The printable HTML of the progress report (fremdriftsrapport) and of the overviews, for the API's
/// `?format=html`: a standalone document in bokmål (it is saved and printed, so its few styles are inside
/// it), with a bar chart in SVG per plan, from the templates `report-progress` and `report-overview`.
package struct ReportRenderer: Sendable {
    private let renderer: PageRenderer

    package init() throws { self.renderer = try PageRenderer() }

    /// Over the pages' templates, already loaded (the printable reports the pages hand out).
    init(renderer: PageRenderer) { self.renderer = renderer }

    package func progress(_ report: ProgressReport, traineeName: String, tenantName: String, generatedAt: Date) throws
        -> String
    {
        try renderer.render(
            ProgressReportView(report, traineeName: traineeName, tenantName: tenantName, generatedAt: generatedAt),
            template: "report-progress")
    }

    package func overview(_ overview: LederOverview, title: String, tenantName: String, generatedAt: Date) throws
        -> String
    {
        try renderer.render(
            OverviewReportView(overview, title: title, tenantName: tenantName, generatedAt: generatedAt),
            template: "report-overview")
    }
}

import Domain
import Engine
import Foundation

/// The printable HTML of the progress report (fremdriftsrapport) and of the overviews, for the API's
/// `?format=html`: a standalone document in bokmål (it is saved and printed, so its few styles are inside
/// it), with a bar chart in SVG per plan, from the templates `report-progress` and `report-overview`.
package struct ReportRenderer: Sendable {
    private let renderer: PageRenderer
    /// The rows of the plans' tables, by all a row shows. Looking up the three values of each of a plan's 101
    /// rows through the template library was 0.48 ms of the page's 1.2 (the page without its rows: 0.75 ms);
    /// there are as many rows as objectives times statuses, so the cache holds them all.
    private let lineRows: FragmentCache<ProgressReportView.Line>

    package init() throws { self.init(renderer: try PageRenderer()) }

    /// Over the pages' templates, already loaded (the printable reports the pages hand out).
    init(renderer: PageRenderer) {
        self.renderer = renderer
        self.lineRows = FragmentCache(renderer: renderer, template: "progress-line", limit: 8192)
    }

    package func progress(_ report: ProgressReport, traineeName: String, tenantName: String, generatedAt: Date) throws
        -> String
    {
        let view = ProgressReportView(report, traineeName: traineeName, tenantName: tenantName, generatedAt: generatedAt)
        return try renderer.render(view, template: "report-progress", placing: try sectionRows(view))
    }

    /// The rows of each section's table, for the section's `fragmentSlot` (`progress-sections`).
    func sectionRows(_ view: ProgressReportView) throws -> [RenderedFragment] {
        try view.sections.map { section in try lineRows.fragments(section.lines) }
    }

    package func overview(_ overview: LederOverview, title: String, tenantName: String, generatedAt: Date) throws
        -> String
    {
        try renderer.render(
            OverviewReportView(overview, title: title, tenantName: tenantName, generatedAt: generatedAt),
            template: "report-overview")
    }
}

import Hummingbird

extension Portal {
    /// Supervision talks, progress reports and overviews as pages, and the help pages per role.
    func addWork2Routes<Context: PortalRequestContext>(to pages: RouterGroup<Context>) {
        let talks = TalkPages(engine: engine, renderer: renderer)
        let talkPath = "/virksomhet/:tenantId/lis/:traineeId/samtaler"
        pages.get(RouterPath(talkPath)) { try await talks.show($0, $1) }
        pages.post(RouterPath(talkPath)) { try await talks.plan($0, $1) }
        pages.post(RouterPath(talkPath + "/:talkId/ferdigstill")) { try await talks.finalise($0, $1) }
        pages.post(RouterPath(talkPath + "/:talkId/:kind")) { try await talks.write($0, $1) }

        let reports = ReportRenderer(renderer: renderer)
        let progress = ProgressPages(engine: engine, renderer: renderer, reports: reports)
        let progressPath = "/virksomhet/:tenantId/lis/:traineeId/fremdrift"
        pages.get(RouterPath(progressPath)) { try await progress.show($0, $1) }
        pages.get(RouterPath(progressPath + "/utskrift")) { try await progress.printable($0, $1) }
        pages.get(RouterPath(progressPath + "/csv")) { try await progress.csv($0, $1) }

        let overviews = OverviewPages(engine: engine, renderer: renderer, reports: reports)
        pages.get("/virksomhet/:tenantId/mine-lis") { try await overviews.trainees($0, $1) }
        pages.get("/virksomhet/:tenantId/mine-lis/csv") { try await overviews.traineesCSV($0, $1) }
        pages.get("/virksomhet/:tenantId/oversikt") { try await overviews.tenant($0, $1) }
        pages.get("/virksomhet/:tenantId/oversikt/csv") { try await overviews.tenantCSV($0, $1) }
        pages.get("/virksomhet/:tenantId/oversikt/utskrift") { try await overviews.tenantPrintable($0, $1) }

        let help = HelpPages(renderer: renderer)
        pages.get(RouterPath(HelpPages.path)) { try await help.index($0, $1) }
        pages.get("/hjelp/:role") { try await help.role($0, $1) }
    }
}

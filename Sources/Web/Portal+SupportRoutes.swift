import HTTPTypes
import Hummingbird

extension Portal {
    /// Support's console beyond the tenant list and naming the signer: the tenant page's other actions,
    /// support access to a LIS, registrations, agreement versions and the catalog import.
    func addSupportConsoleRoutes<Context: PortalRequestContext>(to pages: RouterGroup<Context>) {
        let (engine, renderer, uploadLimit) = (self.engine, self.renderer, settings.maxUploadBytes)
        let support = SupportPages(
            engine: engine, renderer: renderer, tenantRows: tenantRows, tenantFilters: tenantFilters)
        let tenant = SupportTenantActions(engine: engine, pages: support, uploadLimit: uploadLimit)
        pages.post("/brukerstotte/virksomhet/:tenantId/papiravtale") { try await tenant.registerPaper($0, $1) }
        pages.post("/brukerstotte/virksomhet/:tenantId/status") { try await tenant.changeStatus($0, $1) }
        pages.post("/brukerstotte/virksomhet/:tenantId/oppsigelse") { try await tenant.terminate($0, $1) }

        let trainee = SupportTraineeActions(engine: engine, pages: support)
        pages.post("/brukerstotte/virksomhet/:tenantId/tilgang") { try await trainee.openAccess($0, $1) }
        pages.get("/brukerstotte/virksomhet/:tenantId/lis/:traineeId") { try await trainee.trainee($0, $1) }
        pages.post("/brukerstotte/virksomhet/:tenantId/ekstern") { try await trainee.inviteExternal($0, $1) }

        let registrations = SupportRegistrationPages(engine: engine, renderer: renderer)
        pages.get(RouterPath(SupportRegistrationPages.path)) { try await registrations.list($0, $1) }
        pages.post("/brukerstotte/registreringer/:registrationId/godkjenn") { try await registrations.approve($0, $1) }
        pages.post("/brukerstotte/registreringer/:registrationId/avvis") { try await registrations.reject($0, $1) }

        pages.get(RouterPath(SupportVersionsPage.path)) {
            try await SupportVersionsPage.serve($0, $1, engine: engine, renderer: renderer)
        }

        let catalog = SupportCatalogPages(engine: engine, renderer: renderer, uploadLimit: uploadLimit)
        pages.get(RouterPath(SupportCatalogPages.path)) { try await catalog.show($0, $1) }
        pages.post(RouterPath(SupportCatalogPages.path)) { try await catalog.importFile($0, $1) }
    }

    /// The page routes that take a file larger than a form (a scanned agreement, a catalog): the body limit
    /// before them is the upload limit's, and only a support person's session reads that much
    /// (`CSRFMiddleware`). Matched on the whole path.
    package static func isUploadPage(_ method: HTTPRequest.Method, _ path: String) -> Bool {
        guard method == .post, path.hasPrefix("/brukerstotte/") || path.hasPrefix("/virksomhet/") else { return false }
        let parts = path.split(separator: "/", omittingEmptySubsequences: false).dropFirst()
        guard parts.allSatisfy({ !$0.isEmpty }) else { return false }
        return Array(parts) == ["brukerstotte", "katalog"]
            || (parts.count == 4 && Array(parts)[0] == "brukerstotte" && Array(parts)[1] == "virksomhet"
                && Array(parts)[3] == "papiravtale")
            || isPersonUploadPage(method, path)
    }

    /// The upload pages any logged-in person may use: a LIS importing the sealed record of approved objectives
    /// from an earlier employer (a record of a whole plan is larger than a form), and a LIS recording an
    /// activity with an attachment. The engine checks that the person is the LIS before a file is used.
    package static func isPersonUploadPage(_ method: HTTPRequest.Method, _ path: String) -> Bool {
        guard method == .post, path.hasPrefix("/virksomhet/") else { return false }
        let parts = Array(path.split(separator: "/", omittingEmptySubsequences: false).dropFirst())
        guard parts.allSatisfy({ !$0.isEmpty }), parts.first == "virksomhet", parts.count > 2, parts[2] == "meg" else {
            return false
        }
        return (parts.count == 4 && parts[3] == "importer")
            || (parts.count == 7 && parts[3] == "laeringsmal" && parts[6] == "aktivitet")
    }

    /// What an upload form may carry besides its file (the other fields, the multipart framing), so that a
    /// file just over the upload limit reaches the engine and is refused at its field, not as a bare 413.
    package static let uploadFormAllowance = 64 * 1024
}

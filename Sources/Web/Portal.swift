import Domain
import Engine
import HTTPTypes
import Hummingbird
import Identity

/// The pages for people, on the same server as the JSON API and over the same engine: every handler
/// decodes the request, calls one engine operation, and renders a template. No rule, permission check or
/// storage access lives here.
///
/// ```
/// router ─ LoginCallbackMiddleware (GET /auth/callback with the kp_login cookie; else on to the JSON callback)
///        └ pages: PageErrorMiddleware → SessionMiddleware (cookie → person) → CSRFMiddleware (POST) → page
/// ```
package struct Portal: Sendable {
    let engine: Engine
    let settings: PortalSettings
    let renderer: PageRenderer
    let stylesheet: StylesheetRoute
    let orgnrScript: AssetRoute
    let cookies: SessionCookies
    let developmentAuthorization: DevelopmentAuthorizationServer?
    let describe: @Sendable (any Error) -> FailureDescription
    /// Agreement texts rendered as HTML, by their SHA-256 (the signer's page shows the same text again and again).
    let documents: FragmentCache<String>
    /// Rows of support's tenant list, by every value they show.
    let tenantRows: FragmentCache<SupportTenantsPage.Row>
    /// Its search form, by the search (the text typed and the two choices).
    let tenantFilters: FragmentCache<SupportTenantsPage.Filters>

    /// - Parameter describe: how an error reads on a page (the API's one error mapping).
    package init(
        engine: Engine, settings: PortalSettings, developmentAuthorization: DevelopmentAuthorizationServer?,
        describe: @escaping @Sendable (any Error) -> FailureDescription
    ) throws {
        self.engine = engine
        self.settings = settings
        self.renderer = try PageRenderer()
        self.documents = FragmentCache(renderer: renderer, template: "agreement-document", limit: 256)
        self.tenantRows = FragmentCache(renderer: renderer, template: "support-tenant-row", limit: 4096)
        self.tenantFilters = FragmentCache(renderer: renderer, template: "support-filters", limit: 256)
        self.stylesheet = try StylesheetRoute()
        self.orgnrScript = try AssetRoute(name: "orgnr", extension: "js", contentType: "text/javascript; charset=utf-8")
        self.cookies = SessionCookies(secure: settings.isSecure)
        self.developmentAuthorization = developmentAuthorization
        self.describe = describe
    }

    /// The middleware that finishes a browser's login on the shared callback; add it to the router before
    /// the API's routes.
    package func loginCallbackMiddleware<Context: PortalRequestContext>(context: Context.Type = Context.self)
        -> some RouterMiddleware<Context>
    {
        LoginCallbackMiddleware<Context>(
            sessions: engine.sessions, cookies: cookies, renderer: renderer, describe: describe)
    }

    /// The page for a path that has no route; add it to the router after every route.
    package func notFoundMiddleware<Context: PortalRequestContext>(context: Context.Type = Context.self)
        -> some RouterMiddleware<Context>
    {
        PageNotFoundMiddleware<Context>(sessions: engine.sessions, cookies: cookies, renderer: renderer)
    }

    /// Adds every page to the router.
    package func addRoutes<Context: PortalRequestContext>(to router: Router<Context>) {
        let stylesheet = stylesheet
        router.get(RouterPath(StylesheetRoute.path)) { request, context in stylesheet.serve(request, context) }
        let pages = router.group()
            .add(middleware: PageErrorMiddleware<Context>(renderer: renderer, describe: describe))
            .add(middleware: SessionMiddleware<Context>(sessions: engine.sessions, cookies: cookies))
            .add(
                middleware: CSRFMiddleware<Context>(
                    origin: settings.origin, bodyLimit: settings.maxBodyBytes, uploadLimit: settings.maxUploadBytes))

        let publicPages = PublicPages(engine: engine, renderer: renderer)
        pages.get("/avtaler") { try await publicPages.list($0, $1) }

        let renderer = renderer
        pages.get("/") { _, context in
            HTMLPage.response(try renderer.render(HomePage(visitor: context.visitor), template: "home"))
        }

        let login = LoginPages(sessions: engine.sessions, cookies: cookies, renderer: renderer)
        pages.get(RouterPath(LoginPages.path)) { try await login.page($0, $1) }
        pages.get(RouterPath(LoginPages.startPath)) { try await login.start($0, $1) }
        pages.post(RouterPath(LoginPages.logoutPath)) { try await login.logout($0, $1) }

        let development = DevelopmentLoginPages(server: developmentAuthorization, renderer: renderer)
        pages.get(RouterPath(DevelopmentLoginPages.path)) { try await development.page($0, $1) }
        pages.post(RouterPath(DevelopmentLoginPages.path)) { try await development.logIn($0, $1) }

        let signer = SignerPages(onboarding: engine.onboarding, renderer: renderer)
        pages.get(RouterPath(SignerPages.invitationPath)) { try await signer.invitation($0, $1) }
        pages.post(RouterPath(SignerPages.invitationPath)) { try await signer.accept($0, $1) }
        pages.get(RouterPath(SignerPages.ownTenantsPath)) { try await signer.ownTenants($0, $1) }

        let agreement = AgreementPages(engine: engine, renderer: renderer, describe: describe, documents: documents)
        pages.get("/virksomhet/:tenantId/avtale") { try await agreement.show($0, $1) }
        pages.post("/virksomhet/:tenantId/avtale/signer") { try await agreement.sign($0, $1) }
        pages.get("/virksomhet/:tenantId/avtale/:agreementId") { try await agreement.copy($0, $1) }
        pages.get("/virksomhet/:tenantId/avtale/:agreementId/forseglet") { try await agreement.sealed($0, $1) }

        let termination = TerminationPages(onboarding: engine.onboarding, renderer: renderer)
        pages.get("/virksomhet/:tenantId/avslutning") { try await termination.show($0, $1) }
        pages.post("/virksomhet/:tenantId/avslutning/si-opp") { try await termination.terminate($0, $1) }
        pages.post("/virksomhet/:tenantId/avslutning/tilbakelevering") { try await termination.returnData($0, $1) }
        pages.post("/virksomhet/:tenantId/avslutning/sletting") { try await termination.delete($0, $1) }
        pages.get("/virksomhet/:tenantId/avslutning/eksport/:file") { try await termination.export($0, $1) }
        pages.get("/virksomhet/:tenantId/avslutning/erklaering/:statementId") { try await termination.statement($0, $1) }

        let invitations = RoleInvitationPages(people: engine.people, renderer: renderer)
        pages.get(RouterPath(RoleInvitationPages.path)) { try await invitations.show($0, $1) }
        pages.post(RouterPath(RoleInvitationPages.path)) { try await invitations.accept($0, $1) }
        pages.get(RouterPath(RoleInvitationPages.legacyPath)) { try await invitations.legacy($0, $1) }

        let start = StartPages(work: engine.work, renderer: renderer)
        pages.get(RouterPath(StartPages.path)) { try await start.show($0, $1) }
        addWorkRoutes(to: pages)
        addTraineeRoutes(to: pages)
        addWork2Routes(to: pages)

        let support = SupportPages(
            engine: engine, renderer: renderer, tenantRows: tenantRows, tenantFilters: tenantFilters)
        pages.get(RouterPath(SupportPages.listPathBase)) { try await support.tenants($0, $1) }
        pages.get("/brukerstotte/virksomhet/:tenantId") { try await support.tenant($0, $1) }
        pages.post("/brukerstotte/virksomhet/:tenantId/signatar") { try await support.inviteSigner($0, $1) }
        pages.post("/brukerstotte/avtaler/:agreementId/kontrasigner") { try await support.countersign($0, $1) }
        addSupportConsoleRoutes(to: pages)
        addRegistrationRoutes(to: router, pages: pages)

        let verify = VerifyPages(engine: engine, renderer: renderer, uploadLimit: settings.maxBodyBytes)
        pages.get(RouterPath(VerifyPages.path)) { try await verify.form($0, $1) }
        pages.post(RouterPath(VerifyPages.path)) { try await verify.check($0, $1) }
    }
}

extension Portal {
    /// The development issuer's login page for one pushed authorization request.
    package static func developmentLoginPath(clientID: String, requestURI: String) -> String {
        DevelopmentLoginPages.path + "?client_id=" + LoginPages.queryValue(clientID) + "&request_uri="
            + LoginPages.queryValue(requestURI)
    }
}

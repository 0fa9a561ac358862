import Foundation
import Hummingbird
import Logging
import OpenAPIHummingbird
import OpenAPIRuntime
import ServiceLifecycle
import Storage
import Web

/// The composition root: the router with its layers, the generated operations, and the services that
/// must shut down cleanly. `kp serve` and the tests both call this.
///
/// ```
/// RequestMetricsMiddleware (with `metrics.enabled`) → SecurityHeadersMiddleware → RequestIDMiddleware → BodyLimitMiddleware → HeaderEncodingMiddleware →
/// JSONBodyMiddleware → LoginCallbackMiddleware (a browser's login) → MethodNotAllowedMiddleware → route
///   the pages (`Portal`)         : PageErrorMiddleware → SessionMiddleware → CSRFMiddleware → page
///   /api/v1/tenants/{tenantId}/… : TenantGateMiddleware → AuthenticationMiddleware → UploadLimitMiddleware →
///                                  TenantRequestContext
///   /api/v1/support/…            : AuthenticationMiddleware → UploadLimitMiddleware → SupportRequestContext
///   /api/v1/me/…                 : AuthenticationMiddleware → PersonRequestContext
///   /api/v1/onboarding/{tenantId}/… : TenantResolverMiddleware → AuthenticationMiddleware →
///                                  OnboardingRequestContext → AdministratorMiddleware
/// ```
package func buildApplication(services: AppServices) throws -> some ApplicationProtocol {
    let router = Router(context: AppRequestContext.self)
    let metrics = services.configuration.metrics
    if metrics.enabled {
        // First, so that it wraps every route and the not-found answer.
        router.add(middleware: RequestMetricsMiddleware<AppRequestContext>(factory: services.metrics.factory))
    }
    router.add(middleware: SecurityHeadersMiddleware())
    router.add(middleware: RequestIDMiddleware())
    router.add(
        middleware: BodyLimitMiddleware(
            limit: services.configuration.http.maxBodyBytes,
            // An upload page's form carries its other fields besides the file.
            uploadLimit: services.configuration.http.maxUploadBytes + Portal.uploadFormAllowance))
    let routes = RouteTable()
    router.add(middleware: HeaderEncodingMiddleware(routes: routes))
    router.add(middleware: JSONBodyMiddleware())
    let http = services.configuration.http
    let portal = try Portal(
        engine: services.engine,
        settings: PortalSettings(
            publicBaseURL: http.publicBaseURL, maxBodyBytes: http.maxBodyBytes, maxUploadBytes: http.maxUploadBytes),
        developmentAuthorization: services.developmentAuthorization, describe: ProblemMapping.failureDescription)
    router.add(middleware: portal.loginCallbackMiddleware())
    portal.addRoutes(to: router)
    router.add(middleware: MethodNotAllowedMiddleware(routes: routes))
    let uploadLimit = services.configuration.http.maxUploadBytes

    let tenantGroup = router.group(RouterPath(APITransport.tenantPrefix))
        .add(middleware: TenantGateMiddleware(registry: services.registry, now: services.now))
        .add(middleware: AuthenticationMiddleware(verifier: services.verifier, registry: services.registry, now: services.now))
        .add(middleware: UploadLimitMiddleware(limit: uploadLimit))
        .group(context: TenantRequestContext.self)
        .add(middleware: TenantScopeMiddleware())
    let supportGroup = router.group(RouterPath(APITransport.supportPrefix))
        .add(middleware: AuthenticationMiddleware(verifier: services.verifier, registry: services.registry, now: services.now))
        .add(middleware: UploadLimitMiddleware(limit: uploadLimit))
        .group(context: SupportRequestContext.self)
        .add(middleware: SupportScopeMiddleware())

    let personGroup = router.group(RouterPath(APITransport.personPrefix))
        .add(middleware: AuthenticationMiddleware(verifier: services.verifier, registry: services.registry, now: services.now))
        .group(context: PersonRequestContext.self)
        .add(middleware: PersonScopeMiddleware())

    let onboardingGroup = router.group(RouterPath(APITransport.onboardingPrefix))
        .add(middleware: TenantResolverMiddleware(registry: services.registry))
        .add(middleware: AuthenticationMiddleware(verifier: services.verifier, registry: services.registry, now: services.now))
        .group(context: OnboardingRequestContext.self)
        .add(middleware: AdministratorMiddleware())

    let document = try openAPIDocument()
    let handlers = APIHandlers(services: services, openAPIDocument: document, reports: try ReportRenderer())
    try handlers.registerHandlers(
        on: APITransport(
            router: router, tenantGroup: tenantGroup, supportGroup: supportGroup, personGroup: personGroup,
            onboardingGroup: onboardingGroup, routes: routes),
        configuration: Configuration(dateTranscoder: ISO8601Transcoder(), jsonEncodingOptions: [.sortedKeys]),
        middlewares: [ProgressReportJSONMiddleware(handlers: handlers)])

    // Last: it wraps only the router's "no route" answer (a page for a path outside the API).
    router.add(middleware: portal.notFoundMiddleware())

    var app = Application(
        router: router,
        configuration: .init(
            address: .hostname(services.configuration.http.host, port: services.configuration.http.port),
            serverName: "Kompetanseportal"),
        logger: services.logger)
    app.addServices(services.mailer, TenantStoreService(store: services.tenantStore, logger: services.logger))
    if let backup = services.backup { app.addServices(BackupService(supervisor: backup)) }
    if metrics.enabled {
        app.addServices(
            MetricsListener.application(
                metrics: services.metrics, settings: metrics, token: services.metricsToken, logger: services.logger))
    }
    return app
}

/// The spec the server was generated from, served as it is.
func openAPIDocument() throws -> Data {
    guard let url = Bundle.module.url(forResource: "openapi", withExtension: "yaml") else {
        throw StorageError.fileOperationFailed("openapi.yaml missing from the bundle")
    }
    return try Data(contentsOf: url)
}

/// Closes every tenant database when the server shuts down gracefully (SIGTERM, SIGINT).
struct TenantStoreService: Service {
    let store: TenantStore
    let logger: Logger

    func run() async throws {
        // Follows the tenants another process puts in maintenance until the server shuts down, and (unless
        // Litestream does it) checkpoints the open files' WALs off the request path.
        await cancelWhenGracefulShutdown {
            await withDiscardingTaskGroup { group in
                group.addTask { await store.watchMaintenance() }
                if store.checkpoints == .background { group.addTask { await store.runCheckpoints() } }
            }
        }
        await store.closeAll()
        logger.info("tenant databases closed")
    }
}

/// Runs the continuous backup next to the server; on shutdown each Litestream process syncs and stops.
struct BackupService: Service {
    let supervisor: BackupSupervisor

    func run() async throws {
        await cancelWhenGracefulShutdown { await supervisor.run() }
    }
}

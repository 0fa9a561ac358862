import Domain
import HTTPTypes
import Hummingbird
import Logging

/// Turns every error of a page into a page: a login that is needed into the login page (303, coming back
/// afterwards), a refused form into a 403 page, and any other error into a page with its status and bokmål
/// message, described by the same mapping as the API's problem+json. Unexpected errors are logged by type
/// only, never with values from the request.
struct PageErrorMiddleware<Context: PortalRequestContext>: RouterMiddleware {
    let renderer: PageRenderer
    let describe: @Sendable (any Error) -> FailureDescription

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        do {
            return try await next(request, context)
        } catch let required as LoginRequired {
            return HTMLPage.seeOther(LoginPages.loginPath(returningTo: required.returnPath))
        } catch let refusal as CSRFRefusal {
            context.logger.notice("form refused", metadata: ["reason": "\(refusal)"])
            let page = ErrorPage(
                status: 403,
                message:
                    "Skjemaet ble avvist fordi vi ikke kunne bekrefte at det ble sendt fra denne siden i portalen.",
                advice:
                    "Gå tilbake, last inn siden på nytt og prøv igjen. Hvis du har logget inn på nytt i mellomtiden, må skjemaet hentes på nytt.",
                requestID: context.requestID, visitor: context.visitor)
            return HTMLPage.response(try renderer.render(page, template: "error"), status: .forbidden)
        } catch is AccessDenied {
            // The permission table refused because of the person's roles for a LIS: the page reads as one that
            // is not there (404, not 403), so nobody learns what exists for a LIS they do not follow.
            let failure = PageNotFound(detail: "No role allows this page")
            let page = ErrorPage(
                status: 404, message: failure.message, requestID: context.requestID, visitor: context.visitor)
            return HTMLPage.response(try renderer.render(page, template: "error"), status: .notFound)
        } catch {
            let failure = describe(error)
            if !failure.expected {
                context.logger.error("page failed", metadata: ["error": "\(String(reflecting: type(of: error)))"])
            }
            let page = ErrorPage(
                status: failure.status, message: failure.message, requestID: context.requestID,
                visitor: context.visitor,
                loginAgain: failure.status == 401 ? LoginPages.loginPath(returningTo: request.pathAndQuery) : nil)
            return HTMLPage.response(
                try renderer.render(page, template: "error"), status: HTTPResponse.Status(code: failure.status))
        }
    }
}

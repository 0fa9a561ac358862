import Hummingbird

/// Restores `Location` headers of redirects.
///
/// The generated server code writes header values percent-encoded (as for URI components), which turns
/// `http://host/path?x=1` into `http%3A%2F%2F…` that a browser reads as a relative path. A redirect's
/// `Location` must be the URI itself (RFC 9110 §10.2.2).
package struct RedirectMiddleware<Context: RequestContext>: RouterMiddleware {
    package init() {}

    package func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        var response = try await next(request, context)
        if (300..<400).contains(response.status.code), let location = response.headers[.location],
            !location.contains("://"), let decoded = location.removingPercentEncoding, decoded.contains("://")
        {
            response.headers[.location] = decoded
        }
        return response
    }
}

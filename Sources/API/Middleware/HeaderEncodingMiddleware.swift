import HTTPTypes
import Hummingbird

/// Undoes the percent-encoding the generated server code applies to response header values.
///
/// The generator writes header values as URI components, so `public, max-age=60` leaves as
/// `public%2C%20max-age%3D60` and an absolute `Location` as `http%3A%2F%2F…`. The headers the API
/// declares (`Location`, `ETag`, `Cache-Control`, `Content-Disposition`) are decoded exactly once here, which restores the value
/// the handler set. Only the generated operations' responses are decoded (the paths the spec declares): a
/// page's `Location` is written as it must be sent, and decoding it would turn the `%3F` and `%26` of a
/// return path (`/logg-inn?neste=/invitasjon%3Ftenant%3D…%26token%3D…`) into separators and lose the token.
package struct HeaderEncodingMiddleware<Context: RequestContext>: RouterMiddleware {
    static var names: [HTTPField.Name] { [.location, .eTag, .cacheControl, .contentDisposition] }

    /// The paths of the generated operations (filled when they are registered).
    let routes: RouteTable

    package init(routes: RouteTable) { self.routes = routes }

    package func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        var response = try await next(request, context)
        // Most responses have no encoded header at all: the route is looked up only when one has.
        let encoded = Self.names.filter { response.headers[$0]?.contains("%") == true }
        guard !encoded.isEmpty, routes.allowedMethods(for: request.uri.path) != nil else { return response }
        for name in encoded {
            if let value = response.headers[name], let decoded = value.removingPercentEncoding {
                response.headers[name] = decoded
            }
        }
        return response
    }
}

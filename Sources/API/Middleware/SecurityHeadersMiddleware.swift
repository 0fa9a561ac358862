import HTTPTypes
import Hummingbird

/// The headers every response carries, set in one place for the API and the pages alike.
///
/// - `X-Content-Type-Options: nosniff` and `Referrer-Policy: same-origin` everywhere: a browser never
///   guesses a type, and the tokens in e-mail links never leave through `Referer`.
/// - HTML gets a Content-Security-Policy without inline script and may not be framed.
/// - Anything that is not explicitly public is `Cache-Control: no-store`: training data, talk minutes,
///   downloads and reports must not stay in a shared or browser cache. Responses that set their own
///   caching (the public agreement list, the stylesheet) keep it.
package struct SecurityHeadersMiddleware<Context: RequestContext>: RouterMiddleware {
    static var contentSecurityPolicy: String {
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
            + "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
    }

    package init() {}

    package func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        // Outermost: `RequestIDMiddleware` inside it has already turned every error into a problem response.
        var response = try await next(request, context)
        Self.apply(to: &response.headers)
        return response
    }

    static func apply(to headers: inout HTTPFields) {
        headers[.xContentTypeOptions] = "nosniff"
        headers[.referrerPolicy] = "same-origin"
        if headers[.cacheControl] == nil { headers[.cacheControl] = "no-store" }
        if let type = headers[.contentType], type.hasPrefix("text/html") {
            // The pages set a stricter policy of their own (no script at all); it is kept.
            if headers[.contentSecurityPolicy] == nil { headers[.contentSecurityPolicy] = contentSecurityPolicy }
            headers[.xFrameOptions] = "DENY"
        }
    }
}

extension HTTPField.Name {
    static var referrerPolicy: Self { Self("Referrer-Policy")! }
    static var xFrameOptions: Self { Self("X-Frame-Options")! }
}

import HTTPTypes
import Hummingbird

/// Refuses a state-changing request to a page that did not come from one of our own forms, before any
/// handler runs (so nothing is written): a 403 page for
/// - a request another site sent (`Sec-Fetch-Site` other than `same-origin`, or an `Origin` that is not ours);
/// - a logged-in person's form without the session's CSRF token, or with another session's (stale) token.
///
/// Forms posted before login (the development issuer's login page, the seal check) carry no token; the
/// origin check still applies to them, and they change nothing that belongs to a person.
struct CSRFMiddleware<Context: PortalRequestContext>: RouterMiddleware {
    static var fieldName: String { "csrf" }
    let origin: String
    let bodyLimit: Int
    /// The body limit of the upload pages (`Portal.isUploadPage`) for a support person's session, and of the
    /// one upload page for anyone logged in (`Portal.isPersonUploadPage`, a LIS's record import); any other
    /// form is read only up to `bodyLimit`, so nobody can make the server read megabytes elsewhere.
    let uploadLimit: Int

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        guard request.method == .post || request.method == .put || request.method == .patch || request.method == .delete
        else { return try await next(request, context) }
        if let site = request.headers[.secFetchSite], site != "same-origin" { throw CSRFRefusal.crossSite }
        if let from = request.headers[.origin], from != origin { throw CSRFRefusal.crossSite }
        var request = request
        if let sessionToken = context.sessionToken {
            let isUpload =
                (context.principal?.isSupport == true && Portal.isUploadPage(request.method, request.uri.path))
                || Portal.isPersonUploadPage(request.method, request.uri.path)
            let fields = try await FormFields.read(
                &request, limit: isUpload ? uploadLimit + Portal.uploadFormAllowance : bodyLimit)
            guard CSRFToken(sessionToken: sessionToken).matches(fields[Self.fieldName]) else {
                throw CSRFRefusal.missingOrStaleToken
            }
        }
        return try await next(request, context)
    }
}

/// Why a form was refused before it was read.
enum CSRFRefusal: Error, Sendable {
    case crossSite
    case missingOrStaleToken
}

extension HTTPField.Name {
    static var secFetchSite: Self { Self("Sec-Fetch-Site")! }
}

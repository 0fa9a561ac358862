import Hummingbird
import NIOCore

/// Refuses request bodies larger than the configured limit before any handler reads them.
///
/// A declared `Content-Length` over the limit is refused at once; a body without one is collected up
/// to the limit (the API's bodies are small JSON documents), so a handler never sees more.
package struct BodyLimitMiddleware<Context: RequestContext>: RouterMiddleware {
    let limit: Int
    /// The limit of the upload routes (scanned paper agreements, catalog files), which take files, not small JSON.
    let uploadLimit: Int

    package init(limit: Int, uploadLimit: Int? = nil) {
        self.limit = limit
        self.uploadLimit = uploadLimit ?? limit
    }

    package func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        let path = request.uri.path
        let limit = path.hasSuffix("/paper-agreements") || path.hasSuffix("/support/catalog")
            || path.hasSuffix("/attachments") ? uploadLimit : self.limit
        if let declared = request.headers[.contentLength].flatMap({ Int($0) }), declared > limit {
            throw RequestError.bodyTooLarge(limit: limit)
        }
        var request = request
        if request.method == .post || request.method == .put || request.method == .patch {
            do {
                _ = try await request.collectBody(upTo: limit)
            } catch let error as HTTPError where error.status == .contentTooLarge {
                throw RequestError.bodyTooLarge(limit: limit)
            } catch is NIOTooManyBytesError {
                // A chunked body without a declared length overflows while being collected.
                throw RequestError.bodyTooLarge(limit: limit)
            }
        }
        return try await next(request, context)
    }
}

import Hummingbird
import NIOCore

/// Refuses request bodies larger than the configured limit before any handler reads them.
///
/// A declared `Content-Length` over the limit is refused at once; a body without one is collected up
/// to the limit (the API's bodies are small JSON documents), so a handler never sees more. The upload
/// routes (`UploadRoute`) are left unread here: their larger limit applies after authentication.
package struct BodyLimitMiddleware<Context: RequestContext>: RouterMiddleware {
    let limit: Int
    /// The most any request may declare, even on an upload route.
    let uploadLimit: Int

    package init(limit: Int, uploadLimit: Int? = nil) {
        self.limit = limit
        self.uploadLimit = uploadLimit ?? limit
    }

    package func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        if UploadRoute.matches(request.method, request.uri.path) {
            if let declared = request.headers[.contentLength].flatMap({ Int($0) }), declared > uploadLimit {
                throw RequestError.bodyTooLarge(limit: uploadLimit)
            }
            return try await next(request, context)
        }
        return try await next(try await Self.collect(request, upTo: limit), context)
    }

    /// The request with its body read into memory, or 413 when it is larger than `limit`.
    static func collect(_ request: Request, upTo limit: Int) async throws -> Request {
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
        return request
    }
}

/// The larger limit of the upload routes, applied once the caller is authenticated (this runs inside the
/// tenant and support route groups, after `AuthenticationMiddleware`).
package struct UploadLimitMiddleware<Context: RequestContext>: RouterMiddleware {
    let limit: Int

    package init(limit: Int) { self.limit = limit }

    package func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        guard UploadRoute.matches(request.method, request.uri.path) else { return try await next(request, context) }
        return try await next(try await BodyLimitMiddleware<Context>.collect(request, upTo: limit), context)
    }
}

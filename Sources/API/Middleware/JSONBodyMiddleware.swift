import Domain
import Hummingbird

/// Checks every JSON request body once, before any handler decodes it: what is not JSON by RFC 8259 (a
/// trailing comma, say) is 400 `request.malformed`; a key given twice or a control character in a text is
/// 400 `validation.failed` naming the field (`JSONNode.checkRequestBody`), so no rule about text has to be
/// repeated per field or per door.
package struct JSONBodyMiddleware<Context: RequestContext>: RouterMiddleware {
    package init() {}

    package func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        guard request.method == .post || request.method == .put || request.method == .patch,
            let type = request.headers[.contentType]?.lowercased(),
            type.hasPrefix("application/json") || type.contains("+json"),
            !UploadRoute.matches(request.method, request.uri.path)
        else { return try await next(request, context) }
        var request = request
        // The body limit has already read it into memory; this takes the same buffer.
        let buffer = try await request.collectBody(upTo: .max)
        // An empty body is the operation's business (most steps take none).
        if buffer.readableBytes > 0 {
            let node: JSONNode
            do {
                node = try JSONNode.parse(Array(buffer.readableBytesView))
            } catch {
                throw RequestError.malformedBody("The body is not valid JSON: \(error.detail)")
            }
            try node.checkRequestBody()
        }
        return try await next(request, context)
    }
}

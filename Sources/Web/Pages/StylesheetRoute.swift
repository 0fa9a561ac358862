import Foundation
import HTTPTypes
import Hummingbird
import NIOCore

/// `/assets/portal.css`: our one stylesheet, read once from the bundle, cached by browsers for a day and
/// revalidated by its ETag (a hash of its bytes, so a new release is fetched once it is stale).
struct StylesheetRoute: Sendable {
    static let path = "/assets/portal.css"
    let bytes: ByteBuffer
    let etag: String

    init() throws {
        guard let url = Bundle.module.url(forResource: "portal", withExtension: "css", subdirectory: "Assets") else {
            throw PageRendererError.templatesMissing
        }
        let data = try Data(contentsOf: url)
        self.bytes = ByteBuffer(bytes: data)
        self.etag = HTMLPage.entityTag(of: data)
    }

    func serve<Context: RequestContext>(_ request: Request, _ context: Context) -> Response {
        var headers: HTTPFields = [.eTag: etag, .cacheControl: "public, max-age=86400"]
        if request.headers[.ifNoneMatch] == etag { return Response(status: .notModified, headers: headers) }
        headers[.contentType] = "text/css; charset=utf-8"
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: bytes))
    }
}

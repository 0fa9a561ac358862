import Foundation
import HTTPTypes
import Hummingbird
import NIOCore

/// A small file of our own under `Assets/` (a progressive-enhancement script), read once from the bundle,
/// cached for a day and revalidated by its ETag, like the stylesheet.
struct AssetRoute: Sendable {
    let path: String
    let contentType: String
    let bytes: ByteBuffer
    let etag: String

    init(name: String, extension fileExtension: String, contentType: String) throws {
        guard let url = Bundle.module.url(forResource: name, withExtension: fileExtension, subdirectory: "Assets")
        else { throw PageRendererError.templatesMissing }
        let data = try Data(contentsOf: url)
        self.path = "/assets/\(name).\(fileExtension)"
        self.contentType = contentType
        self.bytes = ByteBuffer(bytes: data)
        self.etag = HTMLPage.entityTag(of: data)
    }

    func serve<Context: RequestContext>(_ request: Request, _ context: Context) -> Response {
        var headers: HTTPFields = [.eTag: etag, .cacheControl: "public, max-age=86400"]
        if request.headers[.ifNoneMatch] == etag { return Response(status: .notModified, headers: headers) }
        headers[.contentType] = contentType
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: bytes))
    }
}

import Crypto
import Domain
import Engine
import Foundation
import HTTPTypes
import Hummingbird

/// The pages anyone may read: the public list of agreements.
struct PublicPages: Sendable {
    let engine: Engine
    let renderer: PageRenderer

    /// `GET /avtaler?sok=&fylke=`. The same for everyone not logged in, so it is cached briefly and
    /// revalidated by ETag; for a logged-in person (whose name is in the header) it is not stored.
    func list<Context: PortalRequestContext>(_ request: Request, _ context: Context) async throws -> Response {
        let search = String((request.uri.queryParameters["sok"] ?? "").prefix(100))
        let fylke = String((request.uri.queryParameters["fylke"] ?? "").prefix(100))
        let list = try engine.publicAgreementList(search: search, fylke: fylke)
        let html = try renderer.render(
            PublicListPage(list, search: search, fylke: fylke, visitor: context.visitor), template: "public-list")
        guard context.principal == nil else { return HTMLPage.response(html) }
        return HTMLPage.cached(html, for: request, seconds: 60)
    }
}

extension HTMLPage {
    /// A public page with an ETag of its bytes: 304 when the browser has it already.
    static func cached(_ html: String, for request: Request, seconds: Int) -> Response {
        let etag = entityTag(of: Data(html.utf8))
        if let header = request.headers[.ifNoneMatch],
            header == "*"
                || header.split(separator: ",").contains(where: { $0.trimmingCharacters(in: .whitespaces) == etag })
        {
            return Response(status: .notModified, headers: [.eTag: etag, .cacheControl: "public, max-age=\(seconds)"])
        }
        var response = response(html, caching: .publicFor(seconds: seconds))
        response.headers[.eTag] = etag
        return response
    }

    /// A strong ETag: the first 12 bytes of the SHA-256 of the content, in hex.
    static func entityTag(of data: Data) -> String {
        "\"" + SHA256.hash(data: data).prefix(12).hexEncoded + "\""
    }
}

import Foundation
import HTTPTypes
import Hummingbird
import NIOCore

/// A rendered page as a response, with the headers every page carries.
///
/// The pages have a stricter Content-Security-Policy than the API's HTML: script only from our own files
/// (one small progressive-enhancement script; never inline, so injected markup cannot run), styles only
/// from our own stylesheet, forms posted only to ourselves, never framed.
enum HTMLPage {
    static let contentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; object-src 'none'; "
        + "base-uri 'none'; form-action 'self'; frame-ancestors 'none'"

    /// How long a browser or proxy may keep the page.
    enum Caching {
        /// Personal data, or a page for a logged-in person: never stored.
        case noStore
        /// Public, the same for everyone: cached briefly, revalidated by ETag.
        case publicFor(seconds: Int)
    }

    static func response(_ html: String, status: HTTPResponse.Status = .ok, caching: Caching = .noStore) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "text/html; charset=utf-8"
        headers[.contentSecurityPolicy] = contentSecurityPolicy
        switch caching {
        case .noStore:
            headers[.cacheControl] = "no-store"
        case .publicFor(let seconds):
            headers[.cacheControl] = "public, max-age=\(seconds)"
            headers[.vary] = "Cookie"
        }
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(string: html)))
    }

    /// A 303 See Other to a GET: what every form answers, so reload and back never send it again.
    static func seeOther(_ location: String) -> Response {
        Response(status: .seeOther, headers: [.location: location, .cacheControl: "no-store"])
    }
}

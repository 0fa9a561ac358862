import Domain
import Foundation
import HTTPTypes
import Hummingbird
import NIOCore

/// A report handed out by a page route with the cookie session: the CSV file (the same bytes as the API's
/// `?format=csv`), or the printable HTML document (the same as `?format=html`).
enum Download {
    /// The printable report carries its few styles inside it (it is saved and printed), so its policy allows
    /// its own inline style and nothing else: no script, no other source, never framed.
    static let printablePolicy =
        "default-src 'none'; style-src 'unsafe-inline'; img-src 'self'; base-uri 'none'; form-action 'none'; "
        + "frame-ancestors 'none'"

    /// `title` and the day name the saved file, so it says what it is and when it was taken.
    static func csv(_ text: String, title: String, at now: Date) -> Response {
        Response(
            status: .ok,
            headers: [
                .contentType: "text/csv; charset=utf-8",
                .contentDisposition: ContentDisposition.attachment(filename: "\(title) \(now.isoDay).csv"),
                .cacheControl: "no-store",
            ],
            body: .init(byteBuffer: ByteBuffer(string: text)))
    }

    static func printable(_ html: String) -> Response {
        Response(
            status: .ok,
            headers: [
                .contentType: "text/html; charset=utf-8", .contentSecurityPolicy: printablePolicy,
                .cacheControl: "no-store",
            ],
            body: .init(byteBuffer: ByteBuffer(string: html)))
    }
}

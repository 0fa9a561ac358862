import Foundation
import HTTPTypes
import Hummingbird

/// An RFC 9457 problem document, the body of every error response.
package struct Problem: Codable, Sendable, Equatable {
    package var type: String
    package var title: String
    package var status: Int
    package var detail: String?
    /// Stable, dotted lower-case with hyphens (`agreement.required`, `invitation.nothing-to-replace`);
    /// clients branch on this, never on `title`, `detail` or `message`.
    package var code: String
    /// One short bokmål sentence for the person in front of the client (an extension member, RFC 9457 §3.2).
    package var message: String?
    /// The request field the problem is about, when there is one.
    package var field: String?
    package var requestId: String?

    package init(status: HTTPResponse.Status, code: String, title: String, detail: String? = nil, field: String? = nil) {
        self.type = "urn:kompetanseportal:problem:\(code)"
        self.title = title
        self.status = status.code
        self.detail = detail
        self.code = code
        self.field = field
    }

    /// The response for this problem, with the extra headers the mapping asked for.
    func response(requestID: String, headers extra: HTTPFields) -> Response {
        var problem = self
        problem.requestId = requestID
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let body = (try? encoder.encode(problem)) ?? Data(#"{"code":"server.internal","status":500}"#.utf8)
        var headers = extra
        headers[.contentType] = "application/problem+json"
        return Response(
            status: HTTPResponse.Status(code: status), headers: headers,
            body: .init(byteBuffer: ByteBuffer(bytes: body)))
    }
}

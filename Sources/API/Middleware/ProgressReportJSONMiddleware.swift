import HTTPTypes
import OpenAPIRuntime

/// Answers a plain JSON request for the progress report with `ProgressReport.jsonText` instead of the
/// generated server's `JSONEncoder`, which took about a third of the report's server time.
///
/// The generated server encodes a response body only through `JSONEncoder`, so this is the one place that
/// can do otherwise. It takes only the plainest request (no query but `format=json`, an `Accept` that
/// names JSON or anything) and hands every other one to the generated operation, which negotiates, refuses
/// and encodes as it always does. Both call the same engine operation (`APIHandlers.progressReportJSON`);
/// `ProgressReportJSONTests` holds the two answers to the same bytes.
struct ProgressReportJSONMiddleware: ServerMiddleware {
    let handlers: APIHandlers

    static let acceptedAccept: Set<String> = ["application/json", "application/json; charset=utf-8", "*/*"]

    func intercept(
        _ request: HTTPRequest, body: HTTPBody?, metadata: ServerRequestMetadata, operationID: String,
        next: @Sendable (HTTPRequest, HTTPBody?, ServerRequestMetadata) async throws -> (HTTPResponse, HTTPBody?)
    ) async throws -> (HTTPResponse, HTTPBody?) {
        guard operationID == Operations.GetProgressReport.id, Self.asksForPlainJSON(request),
            let traineeId = metadata.pathParameters["traineeId"], !traineeId.contains("%")
        else { return try await next(request, body, metadata) }
        let json = try await handlers.progressReportJSON(traineeId: String(traineeId))
        return (HTTPResponse(status: .ok, headerFields: [.contentType: "application/json; charset=utf-8"]), json)
    }

    /// No query but `format=json`, and an `Accept` that is absent or takes JSON as it is.
    static func asksForPlainJSON(_ request: HTTPRequest) -> Bool {
        if let path = request.path, let query = path.firstIndex(of: "?") {
            guard path[path.index(after: query)...] == "format=json" else { return false }
        }
        guard let accept = request.headerFields[.accept] else { return true }
        return acceptedAccept.contains(accept)
    }
}

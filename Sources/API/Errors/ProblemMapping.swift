import Domain
import Foundation
import HTTPTypes
import Hummingbird
import OpenAPIRuntime

/// The one place where errors become HTTP. Every error of ours describes itself (`DescribedFailure`), so
/// this file holds no code per error: only the framework's own errors (turned into `RequestError`), the one
/// step from a description to problem+json, and the 500 for anything else, which says nothing about the
/// inside (the log has the details, under the request id).
package enum ProblemMapping {
    package struct Mapped {
        package var problem: Problem
        package var headers: HTTPFields = [:]
        /// False for errors the server did not expect; those are logged at error level.
        package var expected = true
    }

    package static func map(_ error: any Error) -> Mapped {
        switch error {
        case let error as ServerError:
            mapServerError(error)
        case let error as any DescribedFailure:
            describe(error)
        case let error as HTTPError:
            map(error)
        case let error as DecodingError:
            describe(requestError(error))
        default:
            describe(InternalFailure())
        }
    }

    /// The one step from a self-described error to problem+json. A framework refusal keeps the status the
    /// framework chose (`status`); everything else takes its category's.
    package static func describe(_ failure: any DescribedFailure, status: HTTPResponse.Status? = nil) -> Mapped {
        var problem = Problem(
            status: status ?? Self.status(failure.category), code: failure.code,
            title: failure.title ?? title(failure.category), detail: failure.detail, field: failure.inputField)
        problem.message = failure.message
        var headers = HTTPFields()
        if let challenge = failure.challenge {
            headers[.wwwAuthenticate] = "Bearer realm=\"kompetanseportal\", "
                + "error=\"\(challenge.error)\", error_description=\"\(failure.detail)\""
        }
        if let retryAfter = failure.retryAfter {
            headers[.retryAfter] = "\(max(1, retryAfter.components.seconds))"
        }
        return Mapped(problem: problem, headers: headers, expected: failure.category != .internal)
    }

    /// The status of each category of refusal (see `FailureCategory`).
    package static func status(_ category: FailureCategory) -> HTTPResponse.Status {
        switch category {
        case .invalid: .badRequest
        case .unauthorized: .unauthorized
        case .forbidden: .forbidden
        case .notFound: .notFound
        case .methodNotAllowed: .methodNotAllowed
        case .conflict: .conflict
        case .gone: .gone
        case .tooLarge: .contentTooLarge
        case .unsupportedType: .unsupportedMediaType
        case .internal: .internalServerError
        case .badGateway: .badGateway
        case .unavailable: .serviceUnavailable
        }
    }

    private static func title(_ category: FailureCategory) -> String {
        switch category {
        case .invalid: "Invalid input"
        case .unauthorized: "Not authenticated"
        case .forbidden: "Not allowed"
        case .notFound: "Not found"
        case .methodNotAllowed: "Method not allowed"
        case .conflict: "Not possible in the current state"
        case .gone: "Gone"
        case .tooLarge: "Too large"
        case .unsupportedType: "Unsupported content"
        case .internal: "Internal error"
        case .badGateway: "Bad gateway"
        case .unavailable: "Unavailable"
        }
    }

    /// The generated code wraps every error in `ServerError`: map what it wraps. Its own request checks
    /// (content type, a missing body or parameter) carry a 4xx status of their own, which is kept.
    private static func mapServerError(_ error: ServerError) -> Mapped {
        let underlying = error.underlyingError
        // A value outside a parameter's `enum` fails to decode like a bad body would: say which parameter.
        if underlying is DecodingError,
            let refusal = QueryParameterChoices.refusal(operationID: error.operationID, target: error.request.path)
        {
            return describe(refusal)
        }
        if let convertible = underlying as? any HTTPResponseConvertible, (400..<500).contains(convertible.httpStatus.code) {
            return describe(RequestError.rejected(reason: error.causeDescription), status: convertible.httpStatus)
        }
        return map(underlying)
    }

    private static func map(_ error: HTTPError) -> Mapped {
        switch error.status {
        case .notFound: describe(RequestError.routeNotFound)
        case .methodNotAllowed: methodNotAllowed(allow: error.headers[.allow])
        case .contentTooLarge: describe(RequestError.bodyTooLarge(limit: nil))
        case let status where (400..<500).contains(status.code):
            describe(RequestError.rejected(reason: nil), status: status)
        default: describe(InternalFailure(), status: error.status)
        }
    }

    /// `MethodNotAllowedMiddleware` puts the declared methods in `Allow` (RFC 9110 §15.5.6): keep it.
    private static func methodNotAllowed(allow: String?) -> Mapped {
        var mapped = describe(RequestError.methodNotAllowed)
        if let allow { mapped.headers[.allow] = allow }
        return mapped
    }

    /// Names the field a JSON body got wrong, without echoing the body.
    private static func requestError(_ error: DecodingError) -> RequestError {
        func path(_ codingPath: [any CodingKey], _ key: (any CodingKey)? = nil) -> String {
            (codingPath + (key.map { [$0] } ?? [])).map(\.stringValue).joined(separator: ".")
        }
        switch error {
        case .keyNotFound(let key, let context): return .missingField(path(context.codingPath, key))
        case .valueNotFound(_, let context): return .nullField(path(context.codingPath))
        case .typeMismatch(_, let context) where context.codingPath.isEmpty:
            return .malformedBody("The request body must be a JSON object")
        case .typeMismatch(_, let context): return .wrongType(path(context.codingPath))
        case .dataCorrupted(let context) where !context.codingPath.isEmpty:
            return .disallowedValue(path(context.codingPath))
        default: return .malformedBody("The request body is not valid JSON")
        }
    }
}

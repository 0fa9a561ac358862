import Domain

/// Problems with the HTTP request itself, before any domain rule is asked. `ProblemMapping` also turns the
/// framework's own refusals (Hummingbird's `HTTPError`, a `DecodingError`, the OpenAPI runtime's checks)
/// into these, so that they describe themselves like every other error.
package enum RequestError: DescribedFailure, Equatable {
    /// The limit is nil when the server's body limit, not ours, refused it.
    case bodyTooLarge(limit: Int?)
    case malformedBody(String)
    case invalidParameter(String)
    /// A query parameter the spec restricts to a list of values got another one.
    case unsupportedValue(parameter: String, supported: [String])
    case missingField(String)
    case nullField(String)
    case wrongType(String)
    case disallowedValue(String)
    case routeNotFound
    case methodNotAllowed
    /// Any other refusal of the request by the framework, with its own 4xx status (see `ProblemMapping`).
    case rejected(reason: String?)

    package var code: String {
        switch self {
        case .bodyTooLarge: "request.too-large"
        case .malformedBody: "request.malformed"
        case .invalidParameter, .unsupportedValue: "request.invalid-parameter"
        case .missingField, .nullField: "request.missing-field"
        case .wrongType, .disallowedValue: "request.invalid-field"
        case .routeNotFound: "route.not-found"
        case .methodNotAllowed: "method.not-allowed"
        case .rejected: "request.invalid"
        }
    }

    package var category: FailureCategory {
        switch self {
        case .bodyTooLarge: .tooLarge
        case .malformedBody, .invalidParameter, .unsupportedValue, .missingField, .nullField, .wrongType,
            .disallowedValue, .rejected:
            .invalid
        case .routeNotFound: .notFound
        case .methodNotAllowed: .methodNotAllowed
        }
    }

    package var title: String? {
        switch self {
        case .bodyTooLarge: "Request body too large"
        case .malformedBody: "Malformed request body"
        case .invalidParameter, .unsupportedValue: "Invalid parameter"
        case .missingField, .nullField: "Missing field"
        case .wrongType, .disallowedValue: "Invalid field"
        case .routeNotFound: "Not found"
        case .methodNotAllowed: "Method not allowed"
        case .rejected: "Invalid request"
        }
    }

    package var detail: String {
        switch self {
        case .bodyTooLarge(let limit):
            limit.map { "The request body must be at most \($0) bytes" } ?? "The request body is too large"
        case .malformedBody(let detail): detail
        case .invalidParameter(let name): "The parameter \(name) is invalid"
        case .unsupportedValue(let name, let supported):
            "This value of the parameter \(name) is not supported; supported: \(supported.joined(separator: ", "))"
        case .missingField(let field): "The field \(field) is required"
        case .nullField(let field): "The field \(field) must not be null"
        case .wrongType(let field): "The field \(field) has the wrong type"
        case .disallowedValue(let field): "The field \(field) has a value that is not allowed"
        case .routeNotFound: "No such resource"
        case .methodNotAllowed: "This resource does not accept this method"
        case .rejected(let reason): reason ?? "The request is not valid"
        }
    }

    package var message: String {
        switch self {
        case .bodyTooLarge: "Innholdet er for stort. Send mindre om gangen, eller last opp en mindre fil."
        case .malformedBody: "Forespørselen kunne ikke leses. Prøv igjen."
        case .invalidParameter: "Adressen inneholder en ugyldig verdi. Sjekk lenken du fulgte."
        case .unsupportedValue(_, let supported):
            "Adressen ber om noe vi ikke støtter. Bruk en av disse verdiene: \(supported.joined(separator: ", "))."
        case .missingField, .nullField: "Fyll ut dette feltet."
        case .wrongType, .disallowedValue: "Verdien i dette feltet er ikke gyldig."
        case .routeNotFound: "Siden finnes ikke. Sjekk adressen."
        case .methodNotAllowed: "Denne handlingen er ikke mulig her."
        case .rejected: "Forespørselen er ikke gyldig. Prøv igjen."
        }
    }

    package var inputField: String? {
        switch self {
        case .invalidParameter(let name), .unsupportedValue(let name, _): name
        case .missingField(let field), .nullField(let field), .wrongType(let field), .disallowedValue(let field): field
        default: nil
        }
    }
}

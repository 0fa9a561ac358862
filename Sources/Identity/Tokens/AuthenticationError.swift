/// Why a bearer token was not accepted. Every case becomes 401 with a `WWW-Authenticate` header.
package enum AuthenticationError: Error, Equatable, Sendable {
    case missingToken
    case malformedToken
    case unknownIssuer
    case invalidSignature
    case expired
    case notYetValid
    case wrongAudience
    case missingClaim(String)
    case invalidClaim(String)
    /// The issuer's keys could not be fetched; the request may succeed later.
    case keysUnavailable

    /// The RFC 6750 error code for the `WWW-Authenticate` header.
    package var bearerError: String {
        self == .missingToken ? "invalid_request" : "invalid_token"
    }
}

/// What a refused bearer token tells the client in `WWW-Authenticate` (RFC 6750 §3), so that an error can
/// ask for the header without knowing HTTP.
package struct BearerChallenge: Sendable, Equatable {
    /// The RFC 6750 error code: `invalid_request` (no token) or `invalid_token`.
    package let error: String

    package init(error: String) {
        self.error = error
    }

    package static let invalidRequest = BearerChallenge(error: "invalid_request")
    package static let invalidToken = BearerChallenge(error: "invalid_token")
}

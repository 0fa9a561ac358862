import Domain

/// Why a bearer token was not accepted. Every case becomes 401 with a `WWW-Authenticate` header.
package enum AuthenticationError: DescribedFailure, Equatable {
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
    /// The portal session was ended by logging out: not an expiry, so the client knows it was on purpose.
    case sessionEnded

    package var code: String {
        switch self {
        case .missingToken: "auth.missing-token"
        case .malformedToken: "auth.malformed-token"
        case .unknownIssuer: "auth.unknown-issuer"
        case .invalidSignature: "auth.invalid-signature"
        case .expired: "auth.expired"
        case .notYetValid: "auth.not-yet-valid"
        case .wrongAudience: "auth.wrong-audience"
        case .missingClaim: "auth.missing-claim"
        case .invalidClaim: "auth.invalid-claim"
        case .keysUnavailable: "auth.keys-unavailable"
        case .sessionEnded: "auth.session-ended"
        }
    }

    package var category: FailureCategory { .unauthorized }

    package var title: String? { "Not authenticated" }

    package var detail: String {
        switch self {
        case .missingToken: "An Authorization: Bearer token is required"
        case .malformedToken: "The bearer token is not a well-formed JWT"
        case .unknownIssuer: "The token's issuer is not trusted"
        case .invalidSignature: "The token's signature does not verify"
        case .expired: "The token has expired"
        case .notYetValid: "The token is not valid yet"
        case .wrongAudience: "The token was not issued for this service"
        case .missingClaim(let claim): "The token lacks the claim \(claim)"
        case .invalidClaim(let claim): "The token's claim \(claim) is invalid"
        case .keysUnavailable: "The issuer's keys could not be fetched"
        case .sessionEnded: "The session was ended by logging out"
        }
    }

    package var message: String {
        switch self {
        case .missingToken: "Du må logge inn for å fortsette."
        case .expired: "Innloggingen din er utløpt. Logg inn på nytt."
        case .notYetValid: "Innloggingen er ikke gyldig ennå. Prøv igjen om litt."
        case .keysUnavailable: "Vi får ikke kontrollert innloggingen akkurat nå. Prøv igjen om litt."
        case .sessionEnded: "Du har logget ut. Logg inn på nytt for å fortsette."
        case .malformedToken, .unknownIssuer, .invalidSignature, .wrongAudience, .missingClaim, .invalidClaim:
            "Innloggingen ble ikke godtatt. Logg inn på nytt."
        }
    }

    /// RFC 6750: a request without a token is `invalid_request`; every refused token is `invalid_token`.
    package var challenge: BearerChallenge? { self == .missingToken ? .invalidRequest : .invalidToken }
}

import Domain

/// Why a login did not complete. Shown to the user as a 400/401/502 problem, never with token contents.
package enum LoginError: DescribedFailure, Equatable {
    /// No pending login has this state (forged, replayed or expired).
    case invalidState
    case attemptExpired
    case issuerMismatch
    case issuerUnreachable
    case issuerRefused(String)
    /// The browser came back with the callback's `error` parameter instead of a code (the person cancelled,
    /// say). The value is not repeated: it arrived in a URL anyone can craft.
    case notCompleted
    case invalidIDToken(AuthenticationError)
    /// The portal's own client key is unusable: our fault, reported as an internal error.
    case clientKey
    /// Logging out needs a session token, not an issuer's access token.
    case notASession

    package var code: String {
        switch self {
        case .invalidState: "login.invalid-state"
        case .attemptExpired: "login.expired"
        case .issuerMismatch: "login.issuer-mismatch"
        case .issuerUnreachable: "login.issuer-unreachable"
        case .issuerRefused: "login.issuer-refused"
        case .notCompleted: "login.not-completed"
        case .invalidIDToken: "login.invalid-id-token"
        case .clientKey: InternalFailure.code
        case .notASession: "login.not-a-session"
        }
    }

    package var category: FailureCategory {
        switch self {
        case .invalidState, .attemptExpired, .issuerMismatch, .notASession, .notCompleted: .invalid
        case .invalidIDToken: .unauthorized
        case .issuerUnreachable, .issuerRefused: .badGateway
        case .clientKey: .internal
        }
    }

    package var title: String? {
        switch self {
        case .invalidState: "Login not recognised"
        case .attemptExpired: "Login expired"
        case .issuerMismatch: "Wrong issuer"
        case .issuerUnreachable: "HelseID unreachable"
        case .issuerRefused: "Login refused by HelseID"
        case .notCompleted: "Login not completed"
        case .invalidIDToken: "ID token refused"
        case .clientKey: InternalFailure.title
        case .notASession: "Not a session"
        }
    }

    package var detail: String {
        switch self {
        case .invalidState: "This login was not started here, was already completed, or has expired; start again"
        case .attemptExpired: "The login took too long; start again"
        case .issuerMismatch: "The response came from another issuer than the one asked"
        case .issuerUnreachable: "The login issuer could not be reached; try again shortly"
        case .issuerRefused(let code): "The issuer answered \(code.prefix(64))"
        case .notCompleted: "The callback has the parameter error instead of a code: the login was not completed; start again"
        case .invalidIDToken(let reason): "The ID token did not validate: \(reason.detail)"
        case .clientKey: InternalFailure.detail
        case .notASession: "Log out with the session token from the login"
        }
    }

    package var message: String {
        switch self {
        case .invalidState: "Vi kjenner ikke igjen denne innloggingen. Start innloggingen på nytt."
        case .attemptExpired: "Innloggingen tok for lang tid. Start på nytt."
        case .issuerMismatch, .invalidIDToken: "Innloggingen kunne ikke bekreftes. Start innloggingen på nytt."
        case .issuerUnreachable: "Vi får ikke kontakt med HelseID akkurat nå. Prøv igjen om litt."
        case .issuerRefused: "HelseID avviste innloggingen. Start innloggingen på nytt."
        case .notCompleted: "Innloggingen ble ikke fullført hos HelseID. Start innloggingen på nytt."
        case .clientKey: InternalFailure.message
        case .notASession: "Dette er ikke en innlogget økt i portalen, så det er ingenting å logge ut av."
        }
    }

    package var inputField: String? {
        switch self {
        case .notCompleted: "error"
        default: nil
        }
    }
}

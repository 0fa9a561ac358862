import HTTPTypes

/// The page for a request that could not be served: what happened in bokmål, what to do next, and the
/// request id to quote to support.
struct ErrorPage: Sendable {
    let layout: PageLayout
    let heading: String
    let message: String
    let advice: String?
    let requestID: String
    /// Offered when logging in again may help (an expired login, a stale form).
    let loginAgain: String?

    init(
        status: Int, message: String, advice: String? = nil, requestID: String, visitor: Visitor,
        loginAgain: String? = nil
    ) {
        let heading = Self.heading(status)
        self.layout = PageLayout(title: heading, visitor: visitor)
        self.heading = heading
        self.message = message
        self.advice = advice
        self.requestID = requestID
        self.loginAgain = loginAgain
    }

    static func heading(_ status: Int) -> String {
        switch status {
        case 400: "Noe er feil i det som ble sendt"
        case 401: "Du må logge inn"
        case 403: "Ikke tilgang"
        case 404: "Vi finner ikke siden"
        case 409: "Dette er ikke mulig nå"
        case 410: "Ikke lenger tilgjengelig"
        case 413: "Filen er for stor"
        case 415: "Feil filtype"
        case 502, 503: "Tjenesten er ikke tilgjengelig akkurat nå"
        default: "Noe gikk galt"
        }
    }
}

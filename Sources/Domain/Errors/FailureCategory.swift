/// How a refusal reads to a client, independent of the transport: the API gives each category one HTTP
/// status in `ProblemMapping`, so an error says what kind of refusal it is, never which status it wants.
package enum FailureCategory: Sendable, Equatable, CaseIterable {
    /// The input is wrong (400).
    case invalid
    /// The caller is not authenticated, or their credentials are refused (401).
    case unauthorized
    /// The caller may not do this (403).
    case forbidden
    /// The thing named does not exist here (404).
    case notFound
    /// The resource exists, but not with this method (405).
    case methodNotAllowed
    /// The current state does not allow it (409).
    case conflict
    /// It existed but is gone for good (410).
    case gone
    /// The body is too large (413).
    case tooLarge
    /// The body is not of an accepted type (415).
    case unsupportedType
    /// The server failed in a way it did not expect; the client learns nothing more (500).
    case `internal`
    /// A server we depend on (the login issuer) failed or refused (502).
    case badGateway
    /// The server refuses for a reason on its side that the client cannot fix (503).
    case unavailable
}

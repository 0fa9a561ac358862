/// How a refusal reads to a client, independent of the transport: the API maps each category to one
/// HTTP status in `ProblemMapping`.
package enum FailureCategory: Sendable, Equatable {
    /// The input is wrong (400).
    case invalid
    /// The caller may not do this (403).
    case forbidden
    /// The thing named does not exist here (404).
    case notFound
    /// The current state does not allow it (409).
    case conflict
    /// It existed but is gone for good (410).
    case gone
    /// The body is too large (413).
    case tooLarge
    /// The body is not of an accepted type (415).
    case unsupportedType
    /// The server refuses for a reason on its side that the client cannot fix (503).
    case unavailable
}

/// An error the domain can describe to a user: a stable machine code, a short English sentence, and a
/// category. Agreement, onboarding and training errors conform, so new errors need no new mapping code.
package protocol DescribedFailure: Error, Sendable {
    var code: String { get }
    var detail: String { get }
    var category: FailureCategory { get }
}

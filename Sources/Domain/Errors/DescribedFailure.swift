/// An error that describes itself to every door in one way: a stable machine code, a category (which the
/// API turns into an HTTP status), a short English sentence for API clients and logs, and a short bokmål
/// sentence for the person in front of a page.
///
/// Every error the engine or a door can throw conforms, so `ProblemMapping` needs no code per error and a
/// new error needs no new mapping. Codes are written as string literals, dotted lower-case with hyphens
/// (`invitation.nothing-to-replace`), and are never derived from Swift identifiers: renaming a case must not
/// change the public API. `ErrorCodeTableTests` lists every code with its status.
package protocol DescribedFailure: Error, Sendable {
    /// Stable and public: clients branch on it. Change it only with a CHANGELOG entry.
    var code: String { get }
    var category: FailureCategory { get }
    /// One short English sentence for API clients and operators. Never quotes secrets or personal data.
    var detail: String { get }
    /// One short bokmål sentence for a person: what went wrong and, where possible, what to do now.
    var message: String { get }
    /// A short English summary of this kind of problem (problem+json `title`); nil takes the category's.
    var title: String? { get }
    /// The input field the problem is about, when there is one (problem+json `field`).
    var inputField: String? { get }
    /// Set when the client must authenticate again: the response carries a `WWW-Authenticate` challenge.
    var challenge: BearerChallenge? { get }
    /// Set when the refusal is temporary and the client may try again after this long: the response
    /// carries `Retry-After`. Only for failures on our side that clear without the client doing anything.
    var retryAfter: Duration? { get }
}

extension DescribedFailure {
    package var title: String? { nil }
    package var inputField: String? { nil }
    package var challenge: BearerChallenge? { nil }
    package var retryAfter: Duration? { nil }
}

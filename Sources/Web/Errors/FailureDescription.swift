/// How an error reads on a page: the status the API would give it, its stable code, and its bokmål
/// message. The API's one error mapping produces it (`ProblemMapping`), so a page and a problem+json
/// response never disagree about a refusal.
package struct FailureDescription: Sendable, Equatable {
    package let status: Int
    package let code: String
    package let message: String
    /// False for errors the server did not expect; those are logged.
    package let expected: Bool

    package init(status: Int, code: String, message: String, expected: Bool) {
        self.status = status
        self.code = code
        self.message = message
        self.expected = expected
    }
}

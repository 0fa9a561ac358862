import Web

extension ProblemMapping {
    /// How an error reads on a page: the same status and code as its problem+json, and its bokmål message.
    @Sendable package static func failureDescription(_ error: any Error) -> FailureDescription {
        let mapped = map(error)
        return FailureDescription(
            status: mapped.problem.status, code: mapped.problem.code, message: mapped.problem.message ?? "",
            expected: mapped.expected)
    }
}

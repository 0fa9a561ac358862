import Testing

/// The running server against its own OpenAPI document, with schemathesis and every check, as a LIS and as
/// support; required in CI, skipped locally without schemathesis.
@Suite(.enabled(if: Schemathesis.required, "needs schemathesis: pip install schemathesis==4.32.5"))
struct ContractTests {
    @Test(.timeLimit(.minutes(10)))
    func theServerAnswersEveryRequestTheWayItsSpecSays() async throws {
        let result = try await Schemathesis.run()
        let tail = result.output.split(separator: "\n", omittingEmptySubsequences: false).suffix(200)
            .joined(separator: "\n")
        #expect(result.status == 0, "Tests/Contract/run-schemathesis.sh failed:\n\(tail)")
    }
}

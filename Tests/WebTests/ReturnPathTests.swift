import Testing

@testable import Web

/// After login the browser goes back only to a path on this site: no open redirect.
@Suite struct ReturnPathTests {
    @Test(arguments: ["/", "/virksomhet/kommune-0301/avtale", "/kontaktperson/godta?tenant=kommune-0301&token=abc_-1"])
    func aSameSitePathIsKept(_ path: String) {
        #expect(ReturnPath.validated(path) == path)
    }

    @Test(arguments: [
        "//evil.example", "https://evil.example/", "http:/evil.example", "/\\evil.example", "\\\\evil.example",
        "/\t/evil.example", "/\n/evil.example", "evil.example", "", "javascript:alert(1)", "/ /evil",
    ])
    func anythingElseBecomesTheFrontPage(_ raw: String) {
        #expect(ReturnPath.validated(raw) == "/")
    }

    @Test func noValueIsTheFrontPage() {
        #expect(ReturnPath.validated(nil) == "/")
    }

    @Test func theLoginCookieCarriesItsSecretAndAValidatedPath() throws {
        let binding = LoginBinding(secret: "s3cret", returnPath: "/virksomhet?x=1")
        let read = try #require(LoginBinding(cookieValue: binding.cookieValue))
        #expect(read == binding)
        let forged = LoginBinding(secret: "s", returnPath: "//evil.example").cookieValue
        #expect(LoginBinding(cookieValue: forged)?.returnPath == "/")
        #expect(LoginBinding(cookieValue: "no-dot") == nil)
    }
}

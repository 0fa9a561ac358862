/// A page needs a logged-in person and there is none: the page answers with the login page, which comes
/// back to `returnPath` afterwards.
struct LoginRequired: Error, Sendable {
    let returnPath: String
}

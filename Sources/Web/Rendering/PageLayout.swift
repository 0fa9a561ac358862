import Domain

/// What the layout template shows around every page: the title, the login state with the logout form, and
/// the links the person may follow.
struct PageLayout: Sendable {
    struct Person: Sendable {
        let name: String
        let level: Int
    }

    let title: String
    let person: Person?
    let csrf: String?
    let isSupport: Bool
    /// Set when the page shows a refused form, so the title starts with «Feil:» (read first by a screen reader).
    let hasErrors: Bool

    init(title: String, visitor: Visitor, hasErrors: Bool = false) {
        self.title = title
        self.person = visitor.principal.map { Person(name: $0.name, level: $0.securityLevel.rawValue) }
        self.csrf = visitor.csrfToken
        self.isSupport = visitor.principal?.isSupport ?? false
        self.hasErrors = hasErrors
    }
}

/// `/`: what the portal is, and where to go from here.
struct HomePage: Sendable {
    let layout: PageLayout
    let loggedIn: Bool
    let isSupport: Bool

    init(visitor: Visitor) {
        self.layout = PageLayout(title: "Forside", visitor: visitor)
        self.loggedIn = visitor.principal != nil
        self.isSupport = visitor.principal?.isSupport ?? false
    }
}

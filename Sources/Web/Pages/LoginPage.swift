/// `/logg-inn`: why to log in, and the one button that starts HelseID's login, coming back to `returnPath`.
struct LoginPage: Sendable {
    let layout: PageLayout
    let startHref: String
    let returnPath: String
    let loggedOut: Bool
    /// Set when the page that sent the person here needs security level 4 (signing the agreement).
    let needsLevel4: Bool
    let alreadyLoggedIn: Bool
    let continueHref: String

    init(returnPath: String, loggedOut: Bool, needsLevel4: Bool, visitor: Visitor) {
        self.layout = PageLayout(title: "Logg inn", visitor: visitor)
        self.returnPath = returnPath
        self.startHref =
            LoginPages.startPath + "?neste=" + LoginPages.queryValue(returnPath) + (needsLevel4 ? "&niva=4" : "")
        self.loggedOut = loggedOut
        self.needsLevel4 = needsLevel4
        self.alreadyLoggedIn = visitor.principal != nil
        self.continueHref = returnPath
    }
}

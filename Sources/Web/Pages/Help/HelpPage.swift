/// A «Slik gjør du det» page: the layout and the links to every role's page. The text is the template's
/// own (`help-<role>.mustache`), in bokmål, from the rules in the sources.
struct HelpPage: Sendable {
    struct RoleLink: Sendable {
        let name: String
        let href: String
        let current: Bool
    }

    /// The roles with a help page, by path segment, in the order a reader meets them.
    static let roles: [(segment: String, name: String)] = [
        ("lis", "Lege i spesialisering (LIS)"), ("leder", "Leder"), ("veileder", "Veileder"),
        ("supervisor", "Supervisør"), ("kontaktperson", "Kontaktperson i virksomheten"),
    ]

    let layout: PageLayout
    let roles: [RoleLink]

    init(segment: String?, visitor: Visitor) {
        let name = Self.roles.first { $0.segment == segment }?.name
        self.layout = PageLayout(title: name.map { "Slik gjør du det: \($0)" } ?? "Slik gjør du det", visitor: visitor)
        self.roles = Self.roles.map {
            RoleLink(name: $0.name, href: HelpPages.path + "/" + $0.segment, current: $0.segment == segment)
        }
    }
}

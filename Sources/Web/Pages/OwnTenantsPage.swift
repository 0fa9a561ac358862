import Domain

/// `/virksomhet`: the tenants the logged-in person is the signer (administrator) for.
struct OwnTenantsPage: Sendable {
    struct Item: Sendable {
        let name: String
        let href: String
    }

    let layout: PageLayout
    let tenants: [Item]
    let hasTenants: Bool

    init(tenants: [Tenant], visitor: Visitor) {
        self.layout = PageLayout(title: "Mine virksomheter", visitor: visitor)
        self.tenants = tenants.map { Item(name: $0.name, href: AgreementPages.path($0.id.rawValue)) }
        self.hasTenants = !tenants.isEmpty
    }
}

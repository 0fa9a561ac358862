import Domain

/// What `/start` shows: one card per tenant with the person's roles there, and where each role works.
struct StartPage: Sendable {
    struct Membership: Sendable {
        let tenantName: String
        let roles: [RoleItem]
    }

    struct RoleItem: Sendable {
        let name: String
        let href: String?
        let linkText: String?
    }

    let layout: PageLayout
    let memberships: [Membership]
    let hasMemberships: Bool
    /// «Du er nå leder i Oslo», after an invitation was accepted.
    let acceptedNotice: String?

    init(memberships: [(tenant: Tenant, roles: [Role])], accepted: (Role, String)?, visitor: Visitor) {
        self.layout = PageLayout(title: "Mine roller", visitor: visitor)
        self.memberships = memberships.map { membership in
            Membership(
                tenantName: membership.tenant.name,
                roles: membership.roles.map { Self.item($0, tenant: membership.tenant) })
        }
        self.hasMemberships = !memberships.isEmpty
        self.acceptedNotice = accepted.map { "Du har godtatt invitasjonen og er nå \($0.0.norwegianName) i \($0.1)." }
    }

    static func item(_ role: Role, tenant: Tenant) -> RoleItem {
        let name = role == .lis ? "Lege i spesialisering (LIS)" : role.norwegianName.capitalizedFirst
        switch role {
        case .tenantAdministrator:
            return RoleItem(
                name: name, href: AgreementPages.path(tenant.id.rawValue), linkText: "Databehandleravtalen")
        default:
            return RoleItem(name: name, href: nil, linkText: nil)
        }
    }
}

extension String {
    /// The first letter in upper case, the rest unchanged («leder» → «Leder»).
    var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}

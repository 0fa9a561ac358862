import Mustache

/// «Min side» lists every objective of a plan (101 in LIS1): the page, its plans and their rows name their
/// values for the template instead of being reflected on every lookup (the page has some twenty properties,
/// and each lookup by reflection walked them all).
extension TraineeHomePage: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "layout": layout
        case "errors": errors
        // nil stays nil (a section that does not render), never an optional inside `Any`.
        case "notice": notice.map { $0 as Any }
        case "tenantName": tenantName
        case "programme": programme
        case "plans": plans
        case "hasPlans": hasPlans
        case "holders": holders
        case "hasHolders": hasHolders
        case "invitations": invitations
        case "hasInvitations": hasInvitations
        case "inviteAction": inviteAction
        case "roles": roles
        case "roleError": roleError.map { $0 as Any }
        case "email": email
        case "replaces": replaces
        case "base": base
        case "lisBase": lisBase
        case "importError": importError.map { $0 as Any }
        default: nil
        }
    }
}

extension TraineeHomePage.PlanView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "name": self.name
        case "completionHref": completionHref
        case "approved": approved
        case "total": total
        case "objectives": objectives
        default: nil
        }
    }
}

extension TraineeHomePage.ObjectiveRow: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "label": label
        case "href": href
        case "state": state
        default: nil
        }
    }
}

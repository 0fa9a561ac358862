import Mustache

/// «Mine LIS» shows 50 LIS or more, each with a bar per plan and seven values: the rows name their values for
/// the template instead of being reflected on every lookup. A name a row does not have (`showsAwaiting`) is
/// nil here, so the template finds it on the group around it.
extension OverviewPage: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "layout": layout
        case "heading": heading
        case "lead": lead
        case "groups": groups
        case "hasGroups": hasGroups
        case "empty": empty
        case "printHref": printHref.map { $0 as Any }
        default: nil
        }
    }
}

extension OverviewPage.Group: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "heading": heading
        case "id": id
        case "rows": rows
        case "csvHref": csvHref
        case "showsAwaiting": showsAwaiting
        case "awaitingHref": awaitingHref.map { $0 as Any }
        default: nil
        }
    }
}

extension OverviewPage.Row: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "name": self.name
        case "programme": programme
        case "progressHref": progressHref.map { $0 as Any }
        case "talksHref": talksHref.map { $0 as Any }
        case "bars": bars
        case "hasBars": hasBars
        case "awaitingDecision": awaitingDecision
        case "activitiesSigned": activitiesSigned
        case "talksHeld": talksHeld
        case "complete": complete
        default: nil
        }
    }
}

extension OverviewPage.Bar: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "plan": plan
        case "approved": approved
        case "total": total
        case "text": text
        case "label": label
        default: nil
        }
    }
}

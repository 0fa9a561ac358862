import Mustache

/// The list's rows and choices name their values for the template directly (25 rows of 8 values, each
/// looked up by reflection before: most of support's list page's time after the registry read).
extension SupportTenantsPage.Row: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "id": id
        case "name": self.name
        case "kind": kind
        case "kommunenummer": kommunenummer
        case "organisationNumber": organisationNumber
        case "status": status
        case "tone": tone
        case "href": href
        default: nil
        }
    }
}

extension SupportTenantsPage.Option: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "value": value
        case "label": label
        case "selected": selected
        default: nil
        }
    }
}

import Mustache

/// Support's tenant list names its values for the template directly: each of the 25 rows looked up its
/// cells by reflection, and that was a third of the page's time (perf, release build).
extension SupportTenantsPage: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "layout": layout
        case "rows": rows
        case "hasRows": hasRows
        case "resultText": resultText
        // nil stays nil (a section that does not render), never an optional inside `Any`.
        case "previous": previous.map { $0 as Any }
        case "next": next.map { $0 as Any }
        case "pageText": pageText
        case "awaiting": awaiting
        case "hasAwaiting": hasAwaiting
        case "fragmentSlot": fragmentSlot
        default: nil
        }
    }
}

extension SupportTenantsPage.Filters: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "text": text
        case "statuses": statuses
        case "kinds": kinds
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

extension SupportTenantsPage.Awaiting: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "tenantName": tenantName
        case "href": href
        case "version": version
        case "signedBy": signedBy
        case "signedOn": signedOn
        default: nil
        }
    }
}

extension SupportTenantsPage.PageLink: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "label": label
        case "href": href
        default: nil
        }
    }
}

import Mustache

/// The layout's values for the template on every page, named directly rather than reflected: every page
/// looks them up, and a lookup from inside a list row walks out to the page through every row object.
extension PageLayout: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "title": title
        // nil stays nil (a section that does not render), never an optional inside `Any`.
        case "person": person.map { $0 as Any }
        case "csrf": csrf.map { $0 as Any }
        case "isSupport": isSupport
        case "hasErrors": hasErrors
        default: nil
        }
    }
}

extension PageLayout.Person: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "name": self.name
        case "level": level
        default: nil
        }
    }
}

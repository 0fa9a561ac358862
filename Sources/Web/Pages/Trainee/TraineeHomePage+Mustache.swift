import Mustache

/// «Min side» lists every objective of a plan (101 in LIS1): its rows name their values for the template
/// instead of being reflected on every lookup.
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

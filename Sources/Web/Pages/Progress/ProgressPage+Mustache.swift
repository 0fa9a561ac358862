import Mustache

/// The progress report page names its values for the template, as the report it shows does
/// (`ProgressReportView+Mustache`).
extension ProgressPage: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "layout": layout
        case "report": report
        case "printHref": printHref
        case "csvHref": csvHref
        case "talksHref": talksHref
        default: nil
        }
    }
}

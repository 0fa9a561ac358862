import Mustache

/// The progress report (the page and the printable report) names its values for the template: the 101 lines
/// of a plan were looked up by reflection, and the page took 2.5 times the JSON of the same report (server
/// time, benchmark). The lines themselves are rendered once each (`ReportRenderer.lineRows`).
extension ProgressReportView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "title": title
        case "traineeName": traineeName
        case "tenantName": tenantName
        case "talksHeld": talksHeld
        case "sections": sections
        case "hasSections": hasSections
        case "generatedOn": generatedOn
        default: nil
        }
    }
}

extension ProgressReportView.Section: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "heading": heading
        case "chart": chart
        case "approved": approved
        case "objectiveCount": objectiveCount
        case "importedApprovals": importedApprovals
        case "hasImported": hasImported
        case "activitiesSigned": activitiesSigned
        case "isComplete": isComplete
        case "fragmentSlot": fragmentSlot
        default: nil
        }
    }
}

extension ProgressReportView.Line: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "objectiveID": objectiveID
        case "title": title
        case "status": status
        default: nil
        }
    }
}

extension ProgressChart: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "width": width
        case "bars": bars
        case "legend": legend
        default: nil
        }
    }
}

extension ProgressChart.Bar: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "x": x
        case "width": width
        case "colour": colour
        case "label": label
        case "count": count
        default: nil
        }
    }
}

extension ProgressChart.Legend: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "boxX": boxX
        case "textX": textX
        case "colour": colour
        case "label": label
        case "count": count
        default: nil
        }
    }
}

/// The progress report as a CSV file for a spreadsheet (`SpreadsheetCSV`): one row per objective, in bokmål.
extension ProgressReport {
    package static let csvHeader = [
        "Plan", "Versjon", "Læringsmål", "Tittel", "Status", "Godkjent dato", "Godkjent hos",
    ]

    /// `Godkjent dato` is the UTC calendar day of the approval; `Godkjent hos` is `Her` or the tenant the
    /// approval was imported from, with its organisation number.
    package func csv() -> String {
        var rows: [[String]] = []
        for plan in plans {
            for line in plan.lines {
                let approvedWhere: String =
                    switch line.approval {
                    case .local: "Her"
                    case .imported(let imported): "\(imported.sourceTenant) (\(imported.organisationNumber))"
                    case nil: ""
                    }
                rows.append([
                    plan.name, String(plan.plan.version), line.objectiveID.rawValue, line.title,
                    line.status.norwegianName, line.approval.map { CalendarDate($0.approvedAt).norwegian } ?? "",
                    approvedWhere,
                ])
            }
        }
        return SpreadsheetCSV.document(header: Self.csvHeader, rows: rows)
    }
}

extension LederOverview {
    package static let csvHeader = [
        "Navn", "Program", "Plan", "Versjon", "Læringsmål i alt", "Godkjent", "Sendt til leder", "Under arbeid",
        "Ikke startet", "Fullført", "Signerte aktiviteter", "Veiledningssamtaler",
    ]

    /// A CSV file for a spreadsheet (`SpreadsheetCSV`), in bokmål: one row per LIS and plan (a LIS without
    /// plans gets one row with empty plan columns).
    package func csv() -> String {
        var table: [[String]] = []
        for row in rows {
            let head = [row.name, row.programme.norwegianName]
            let tail = [String(row.activitiesSigned), String(row.talksHeld)]
            if row.plans.isEmpty {
                table.append(head + ["", "", "0", "0", "0", "0", "0", SpreadsheetCSV.yesNo(false)] + tail)
            }
            for plan in row.plans {
                let counts = [plan.objectives, plan.approved, plan.submitted, plan.inProgress, plan.notStarted]
                table.append(
                    head + [plan.name, String(plan.plan.version)] + counts.map(String.init)
                        + [SpreadsheetCSV.yesNo(plan.isComplete)] + tail)
            }
        }
        return SpreadsheetCSV.document(header: Self.csvHeader, rows: table)
    }
}

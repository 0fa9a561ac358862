import Domain
import Engine
import Foundation

/// The printable progress report (fremdriftsrapport) and the overviews as HTML in bokmål: no scripts,
/// no external resources, a bar chart in inline SVG per plan.
enum ProgressPage {
    static func render(report: ProgressReport, traineeName: String, tenantName: String, generatedAt: Date) -> String {
        var sections = ""
        for plan in report.plans {
            let counts = [
                (ObjectiveStatus.approved.norwegianName, plan.approved.count, "#0a6b2b"),
                (ObjectiveStatus.submitted.norwegianName, plan.submitted.count, "#1f5fa8"),
                (ObjectiveStatus.inProgress.norwegianName, plan.inProgress.count, "#c98a00"),
                (ObjectiveStatus.notStarted.norwegianName, plan.notStarted.count, "#9a9a9a"),
            ]
            sections += "<section>\n<h2>\(escape(plan.name)) (versjon \(plan.plan.version))</h2>\n"
            sections += chart(counts, total: plan.objectiveCount)
            sections += "<p>\(plan.approved.count) av \(plan.objectiveCount) læringsmål godkjent"
            if plan.importedApprovals > 0 { sections += " (\(plan.importedApprovals) fra tidligere arbeidsgiver)" }
            sections += ". Signerte læringsaktiviteter: \(plan.activitiesSigned). "
            sections += plan.isComplete ? "<strong>Delen er fullført.</strong>" : "Delen er ikke fullført."
            sections += "</p>\n<table>\n<thead><tr><th>Læringsmål</th><th>Tittel</th><th>Status</th></tr></thead>\n<tbody>\n"
            for line in plan.lines {
                sections += "<tr><td>\(escape(line.objectiveID.rawValue))</td><td>\(escape(line.title))</td>"
                sections += "<td>\(line.status.norwegianName)</td></tr>\n"
            }
            sections += "</tbody>\n</table>\n</section>\n"
        }
        if report.plans.isEmpty { sections = "<p>Ingen utdanningsplan er tildelt ennå.</p>\n" }
        return page(
            title: "Fremdriftsrapport – \(traineeName)",
            intro: "\(escape(traineeName)), \(escape(tenantName)). Veiledningssamtaler gjennomført: \(report.talksHeld).",
            body: sections, generatedAt: generatedAt)
    }

    static func render(overview: LederOverview, title: String, tenantName: String, generatedAt: Date) -> String {
        var rows = ""
        for row in overview.rows {
            let approved = row.plans.reduce(0) { $0 + $1.approved }
            let total = row.plans.reduce(0) { $0 + $1.objectives }
            rows += "<tr><td>\(escape(row.name))</td><td>\(escape(row.programme.norwegianName))</td>"
            rows += "<td>\(row.plans.map { escape($0.name) }.joined(separator: ", "))</td>"
            rows += "<td>\(approved) / \(total)</td><td>\(row.awaitingDecision)</td><td>\(row.activitiesSigned)</td>"
            rows += "<td>\(row.talksHeld)</td><td>\(row.isComplete ? "Ja" : "Nei")</td></tr>\n"
        }
        let body = overview.rows.isEmpty ? "<p>Ingen LIS.</p>\n" : """
            <table>
            <thead><tr><th>LIS</th><th>Program</th><th>Planer</th><th>Godkjente mål</th><th>Venter på leder</th>\
            <th>Signerte aktiviteter</th><th>Samtaler</th><th>Fullført</th></tr></thead>
            <tbody>
            \(rows)</tbody>
            </table>

            """
        return page(title: title, intro: escape(tenantName), body: body, generatedAt: generatedAt)
    }

    /// A horizontal stacked bar of the objective counts, with a legend.
    static func chart(_ counts: [(String, Int, String)], total: Int) -> String {
        let width = 600.0
        var x = 0.0
        var bars = ""
        var legend = ""
        for (index, (label, count, colour)) in counts.enumerated() {
            let share = total > 0 ? width * Double(count) / Double(total) : 0
            if share > 0 {
                bars += "<rect x=\"\(format(x))\" y=\"0\" width=\"\(format(share))\" height=\"24\" fill=\"\(colour)\"><title>\(label): \(count)</title></rect>"
            }
            x += share
            legend += "<rect x=\"\(index * 150)\" y=\"34\" width=\"12\" height=\"12\" fill=\"\(colour)\"/>"
            legend += "<text x=\"\(index * 150 + 16)\" y=\"45\" font-size=\"12\">\(label) (\(count))</text>"
        }
        return """
            <svg xmlns="http://www.w3.org/2000/svg" width="\(Int(width))" height="52" role="img" aria-label="Fremdrift">\
            <rect x="0" y="0" width="\(Int(width))" height="24" fill="#eee"/>\(bars)\(legend)</svg>

            """
    }

    private static func page(title: String, intro: String, body: String, generatedAt: Date) -> String {
        """
        <!doctype html>
        <html lang="nb">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(escape(title))</title>
        <style>
        body { font-family: system-ui, sans-serif; margin: 2rem; max-width: 60rem; color: #1a1a1a; }
        table { border-collapse: collapse; width: 100%; margin: 1rem 0 2rem; }
        th, td { text-align: left; padding: .3rem .6rem; border-bottom: 1px solid #ddd; vertical-align: top; }
        th { background: #f2f2f2; }
        @media print { body { margin: 0; } section { page-break-inside: avoid; } }
        </style>
        </head>
        <body>
        <h1>\(escape(title))</h1>
        <p>\(intro)</p>
        \(body)<p><small>Utskrift fra Kompetanseportal \(AgreementMail.norwegianDate(generatedAt)).</small></p>
        </body>
        </html>

        """
    }

    private static func format(_ value: Double) -> String { String(format: "%.1f", value) }

    static func escape(_ text: String) -> String { AgreementStatusPage.escape(text) }
}

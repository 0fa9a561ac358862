import Foundation
import Testing

@testable import Domain
@testable import Web

/// The rows of a progress report's tables are rendered once each (`ReportRenderer.lineRows`) and placed in
/// their plan's table: they must read as the template renders them, escaped, each in its own table.
@Suite struct ProgressRowsTests {
    static func plan(_ key: String, _ titles: [(String, ObjectiveStatus)]) throws -> ProgressReport.PlanProgress {
        let lines = try titles.enumerated().map { index, line in
            ProgressReport.Line(
                objectiveID: try ObjectiveID("DEL\(key.count)-00\(index + 1)"), title: line.0, status: line.1,
                approval: nil)
        }
        return ProgressReport.PlanProgress(
            plan: PlanReference(key: try PlanKey(key), version: 1), name: "Plan \(key)", lines: lines,
            approved: lines.filter { $0.status.isApproved }.map(\.objectiveID), submitted: [], inProgress: [],
            notStarted: lines.filter { $0.status == .notStarted }.map(\.objectiveID), importedApprovals: 0,
            activitiesSigned: 0, activitiesAwaitingSignature: 0)
    }

    @Test("Each plan's table holds its own rows, in order and escaped, and a second rendering is the same")
    func eachTableHoldsItsOwnRows() throws {
        let report = ProgressReport(
            traineeID: UUID(),
            plans: [
                try Self.plan("lis1-kommune", [("Akutte <tilstander> & \"sjokk\"", .approved), ("Kommunikasjon", .notStarted)]),
                try Self.plan("alis", [("Kommunikasjon", .notStarted)]),
            ],
            talksHeld: 0, talksOpen: 0)
        let renderer = ReportRenderer(renderer: try PageRenderer())
        let html = try renderer.progress(report, traineeName: "Lise", tenantName: "Oslo", generatedAt: Date())
        let tables = html.components(separatedBy: "<tbody>").dropFirst().map { $0.components(separatedBy: "</tbody>")[0] }
        #expect(tables.count == 2)
        #expect(tables.first == "\n"
            + "<tr><td>DEL12-001</td><td>Akutte &lt;tilstander&gt; &amp; &quot;sjokk&quot;</td><td>Godkjent</td></tr>\n"
            + "<tr><td>DEL12-002</td><td>Kommunikasjon</td><td>Ikke startet</td></tr>\n\n")
        #expect(tables.last == "\n<tr><td>DEL4-001</td><td>Kommunikasjon</td><td>Ikke startet</td></tr>\n\n")
        #expect(!html.contains(RenderedFragment.slot))
        #expect(try renderer.progress(report, traineeName: "Lise", tenantName: "Oslo", generatedAt: Date()) == html)
    }

    @Test("A report without plans has no table and no slot left in it")
    func aReportWithoutPlansHasNoTable() throws {
        let report = ProgressReport(traineeID: UUID(), plans: [], talksHeld: 0, talksOpen: 0)
        let html = try ReportRenderer(renderer: try PageRenderer())
            .progress(report, traineeName: "Lise", tenantName: "Oslo", generatedAt: Date())
        #expect(html.contains("Ingen utdanningsplan er tildelt ennå."))
        #expect(!html.contains("<tbody>"))
        #expect(!html.contains(RenderedFragment.slot))
    }

    @Test("A page with more slots than fragments, or fewer, is refused rather than shown with a slot in it")
    func slotsAndFragmentsMustMatch() throws {
        let report = ProgressReport(
            traineeID: UUID(), plans: [try Self.plan("alis", [("A", .notStarted)])], talksHeld: 0, talksOpen: 0)
        let renderer = try PageRenderer()
        let view = ProgressReportView(report, traineeName: "Lise", tenantName: "Oslo", generatedAt: Date())
        let row = try renderer.fragment(view.sections[0].lines[0], template: "progress-line")
        #expect(throws: PageRendererError.unknownTemplate("report-progress")) {
            try renderer.render(view, template: "report-progress", placing: [])
        }
        #expect(throws: PageRendererError.unknownTemplate("report-progress")) {
            try renderer.render(view, template: "report-progress", placing: [row, row])
        }
        #expect(try renderer.render(view, template: "report-progress", placing: [row]).contains("<td>A</td>"))
    }

    @Test("The chart's numbers are written as %.1f writes them, for every share a plan of up to 120 objectives gives")
    func theChartsNumbersAreWrittenAsPrintfWritesThem() {
        var differing: [Double] = []
        for total in 1...120 {
            for count in 0...total {
                let share = 600 * Double(count) / Double(total)
                if ProgressChart.oneDecimal(share) != String(format: "%.1f", share) { differing.append(share) }
            }
        }
        #expect(differing.isEmpty)
    }

    @Test("A row's key is its bytes: texts that differ only in Unicode normalisation are two rows")
    func aRowsKeyIsItsBytes() {
        let composed = ProgressReportView.Line(objectiveID: "DEL1-001", title: "L\u{E6}ringsm\u{E5}l", status: "Godkjent")
        let decomposed = ProgressReportView.Line(
            objectiveID: "DEL1-001", title: "L\u{E6}ringsma\u{30A}l", status: "Godkjent")
        #expect(composed.title == decomposed.title)  // equal as Swift compares strings
        #expect(composed != decomposed)
        #expect(composed == ProgressReportView.Line(objectiveID: "DEL1-001", title: "Læringsmål", status: "Godkjent"))
        #expect(Set([composed, decomposed, composed]).count == 2)
        // The three texts are kept apart: moving a byte from one to the next is another row.
        #expect(
            ProgressReportView.Line(objectiveID: "A", title: "BC", status: "D")
                != ProgressReportView.Line(objectiveID: "AB", title: "C", status: "D"))
    }
}

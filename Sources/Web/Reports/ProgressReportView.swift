import Domain
import Engine
import Foundation

/// What the progress report template shows: one section per plan with its chart and objectives.
struct ProgressReportView: Sendable {
    /// A row of a plan's table, rendered once by `progress-line` for every page that shows it
    /// (`ReportRenderer.lineRows`): it is all the row shows, so it is the row's key.
    struct Line: Sendable, Hashable {
        let objectiveID: String
        let title: String
        let status: String

        /// By the bytes: a `String` hashes its Unicode-normalised form, and the titles' «æ», «ø» and «å» made
        /// that a seventh of the page (`perf`). Texts equal only after normalising are two keys, each row rendered
        /// from its own bytes.
        static func == (lhs: Line, rhs: Line) -> Bool {
            lhs.objectiveID.utf8.elementsEqual(rhs.objectiveID.utf8) && lhs.title.utf8.elementsEqual(rhs.title.utf8)
                && lhs.status.utf8.elementsEqual(rhs.status.utf8)
        }

        func hash(into hasher: inout Hasher) {
            func combine(_ text: String) {
                var text = text
                text.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
                hasher.combine(0xFF as UInt8)  // not a byte of UTF-8: where one text ends
            }
            combine(objectiveID)
            combine(title)
            combine(status)
        }
    }

    struct Section: Sendable {
        let heading: String
        let chart: ProgressChart
        let approved: Int
        let objectiveCount: Int
        let importedApprovals: Int
        let hasImported: Bool
        let activitiesSigned: Int
        let isComplete: Bool
        let lines: [Line]
        /// The rows of `lines`, rendered by `progress-line` (`FragmentCache`), are placed here.
        let fragmentSlot = RenderedFragment.slot
    }

    let title: String
    let traineeName: String
    let tenantName: String
    let talksHeld: Int
    let sections: [Section]
    let hasSections: Bool
    let generatedOn: String

    init(_ report: ProgressReport, traineeName: String, tenantName: String, generatedAt: Date) {
        self.title = "Fremdriftsrapport – \(traineeName)"
        self.traineeName = traineeName
        self.tenantName = tenantName
        self.talksHeld = report.talksHeld
        self.sections = report.plans.map { plan in
            Section(
                heading: "\(plan.name) (versjon \(plan.plan.version))",
                chart: ProgressChart(
                    approved: plan.approved.count, submitted: plan.submitted.count, inProgress: plan.inProgress.count,
                    notStarted: plan.notStarted.count, total: plan.objectiveCount),
                approved: plan.approved.count, objectiveCount: plan.objectiveCount,
                importedApprovals: plan.importedApprovals, hasImported: plan.importedApprovals > 0,
                activitiesSigned: plan.activitiesSigned, isComplete: plan.isComplete,
                lines: plan.lines.map {
                    Line(objectiveID: $0.objectiveID.rawValue, title: $0.title, status: $0.status.norwegianName)
                })
        }
        self.hasSections = !sections.isEmpty
        self.generatedOn = AgreementMail.norwegianDate(generatedAt)
    }
}

/// A horizontal stacked bar of objective counts with a legend, as numbers for the SVG in the template.
struct ProgressChart: Sendable {
    struct Bar: Sendable {
        let x: String
        let width: String
        let colour: String
        let label: String
        let count: Int
    }

    struct Legend: Sendable {
        let boxX: Int
        let textX: Int
        let colour: String
        let label: String
        let count: Int
    }

    let width = 600
    let bars: [Bar]
    let legend: [Legend]

    init(approved: Int, submitted: Int, inProgress: Int, notStarted: Int, total: Int) {
        let counts = [
            ("Godkjent", approved, "#057114"), ("Sendt til leder", submitted, "#0062ba"),
            ("Under arbeid", inProgress, "#9b4a18"), ("Ikke startet", notStarted, "#777f89"),
        ]
        var x = 0.0
        var bars: [Bar] = []
        var legend: [Legend] = []
        for (index, (label, count, colour)) in counts.enumerated() {
            let share = total > 0 ? Double(width) * Double(count) / Double(total) : 0
            if share > 0 {
                bars.append(
                    Bar(x: Self.oneDecimal(x), width: Self.oneDecimal(share), colour: colour, label: label, count: count))
            }
            x += share
            legend.append(
                Legend(boxX: index * 150, textX: index * 150 + 16, colour: colour, label: label, count: count))
        }
        self.bars = bars
        self.legend = legend
    }

    /// `value` (not negative) with one decimal, as `%.1f` writes it; Foundation's `String(format:)` was a twelfth of
    /// the progress report page.
    static func oneDecimal(_ value: Double) -> String {
        let tenths = Int((value * 10).rounded(.toNearestOrEven))
        return "\(tenths / 10).\(tenths % 10)"
    }
}

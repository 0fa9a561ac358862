import Foundation
import Testing

@testable import Domain

@Suite struct ProgressReportTests {
    typealias F = TrainingFixture

    /// DEL1-001 approved here, DEL1-002 approved elsewhere, DEL1-003 submitted, DEL1-004 rejected, DEL1-005 has
    /// an activity but no progress record, DEL1-006 untouched; one signed and one awaiting activity; one held
    /// and one open talk.
    static func scenario() throws -> (Plan, [ObjectiveProgress], [LearningActivity], [SupervisionTalk]) {
        let plan = try F.plan(objectives: 6)
        func opened(_ id: String) throws -> ObjectiveProgress {
            try ObjectiveProgress.open(try F.objectiveID(id), in: plan, for: F.trainee, id: UUID())
                .start(by: F.lis, at: F.now)
        }
        let approved = try opened("DEL1-001").submit(by: F.trainee, at: F.now).approve(
            by: F.leder, consultedVeileder: F.veileder, consultedSupervisors: [F.supervisor], trainee: F.trainee,
            roles: F.roles, at: F.now)
        let imported = try opened("DEL1-002").importApproval(
            ImportedApproval(
                sourceTenant: try TenantID("helse-bergen"), organisationNumber: try OrganisationNumber("983974724"),
                approverNames: ["Per Leder"], approvedAt: Date(timeIntervalSince1970: 1_700_000_000),
                plan: plan.reference, objectiveID: try F.objectiveID("DEL1-002")),
            at: F.now)
        let submitted = try opened("DEL1-003").submit(by: F.trainee, at: F.now)
        let rejected = try opened("DEL1-004").submit(by: F.trainee, at: F.now).reject(
            comment: "Mer", by: F.leder, trainee: F.trainee, roles: F.roles, at: F.now)
        func activity(_ id: String, index: Int = 0) throws -> LearningActivity {
            try LearningActivity.record(
                .init(objectiveID: try F.objectiveID(id), kind: .recommended(index: index), performedOn: F.today),
                for: F.trainee, plan: plan, id: UUID(), at: F.now)
        }
        let signed = try activity("DEL1-001").submit(to: F.supervisor, as: .supervisor, by: F.trainee, roles: F.roles, at: F.now)
            .approve(by: F.supervisor, trainee: F.trainee, roles: F.roles, at: F.now)
        let awaiting = try activity("DEL1-001", index: 1).submit(
            to: F.supervisor, as: .supervisor, by: F.trainee, roles: F.roles, at: F.now)
        let draft = try activity("DEL1-005")
        let talk = try SupervisionTalk.plan(
            for: F.trainee, by: F.veileder, roles: F.roles, date: F.today, topic: "Tema", id: UUID(), at: F.now)
        let held = try talk.writeMinutes("Referat", by: F.veileder, trainee: F.trainee, roles: F.roles)
            .finalise(by: F.veileder, trainee: F.trainee, roles: F.roles, at: F.now)
        return (plan, [approved, imported, submitted, rejected], [signed, awaiting, draft], [held, talk])
    }

    @Test("The report sorts objectives into approved, submitted, in progress and not started, counting imports")
    func theReportSortsObjectives() throws {
        let (plan, progress, activities, talks) = try Self.scenario()
        let report = ProgressReport.compute(
            traineeID: F.trainee.id, plans: [plan], progress: progress, activities: activities, talks: talks)
        let planProgress = try #require(report.plans.first)
        #expect(planProgress.approved.map(\.rawValue) == ["DEL1-001", "DEL1-002"])
        #expect(planProgress.importedApprovals == 1)
        #expect(planProgress.submitted.map(\.rawValue) == ["DEL1-003"])
        #expect(planProgress.inProgress.map(\.rawValue) == ["DEL1-004", "DEL1-005"])
        #expect(planProgress.notStarted.map(\.rawValue) == ["DEL1-006"])
        #expect(planProgress.lines.map(\.status) == [.approved, .approvedElsewhere, .submitted, .rejected, .inProgress, .notStarted])
        #expect(planProgress.activitiesSigned == 1)
        #expect(planProgress.activitiesAwaitingSignature == 1)
        #expect(report.talksHeld == 1)
        #expect(report.talksOpen == 1)
        #expect(!report.isComplete)
    }

    @Test("A plan is complete when every objective is approved, imported approvals included")
    func completenessCountsImports() throws {
        let plan = try F.plan(objectives: 2)
        let local = try ObjectiveProgress.open(try F.objectiveID("DEL1-001"), in: plan, for: F.trainee, id: UUID())
            .submit(by: F.trainee, at: F.now)
            .approve(
                by: F.leder, consultedVeileder: F.veileder, consultedSupervisors: [F.supervisor], trainee: F.trainee,
                roles: F.roles, at: F.now)
        let imported = try ObjectiveProgress.open(try F.objectiveID("DEL1-002"), in: plan, for: F.trainee, id: UUID())
            .importApproval(
                ImportedApproval(
                    sourceTenant: try TenantID("helse-bergen"), organisationNumber: try OrganisationNumber("983974724"),
                    approverNames: ["Per Leder"], approvedAt: F.now, plan: plan.reference,
                    objectiveID: try F.objectiveID("DEL1-002")),
                at: F.now)
        let report = ProgressReport.compute(
            traineeID: F.trainee.id, plans: [plan], progress: [local, imported], activities: [], talks: [])
        #expect(report.isComplete)
        #expect(report.plans.first?.isComplete == true)
        let empty = ProgressReport.compute(traineeID: F.trainee.id, plans: [], progress: [], activities: [], talks: [])
        #expect(!empty.isComplete)
    }

    @Test("Records of another LIS are not counted")
    func otherTraineesAreIgnored() throws {
        let (plan, progress, activities, talks) = try Self.scenario()
        let report = ProgressReport.compute(traineeID: UUID(), plans: [plan], progress: progress, activities: activities, talks: talks)
        #expect(report.plans.first?.notStarted.count == 6)
        #expect(report.talksHeld == 0)
        #expect(report.activitiesSigned == 0)
    }

    @Test("The CSV is for a Norwegian spreadsheet: a byte order mark, `;` between fields, bokmål headers and values")
    func theCSVRendering() throws {
        let (plan, progress, activities, talks) = try Self.scenario()
        let csv = ProgressReport.compute(
            traineeID: F.trainee.id, plans: [plan], progress: progress, activities: activities, talks: talks
        ).csv()
        #expect(csv.unicodeScalars.first == "\u{FEFF}")
        let lines = csv.dropFirst().split(separator: "\r\n", omittingEmptySubsequences: false)
        #expect(lines.count == 8)
        #expect(lines[0] == "Plan;Versjon;Læringsmål;Tittel;Status;Godkjent dato;Godkjent hos")
        #expect(lines[1] == "LIS1 kommune;1;DEL1-001;Mål 1;Godkjent;15.01.2027;Her")
        #expect(
            lines[2] == "LIS1 kommune;1;DEL1-002;Mål 2;Godkjent hos tidligere arbeidsgiver;14.11.2023;"
                + "helse-bergen (983974724)")
        let statuses = lines[3...6].map { $0.split(separator: ";")[4] }
        #expect(statuses == ["Sendt til leder", "Underkjent", "Under arbeid", "Ikke startet"])
        #expect(lines[7] == "")
    }

    @Test("A CSV field with a separator, a quote or a line break is quoted, and a formula is defused")
    func csvFields() {
        #expect(SpreadsheetCSV.field("a;\"b\"") == "\"a;\"\"b\"\"\"")
        #expect(SpreadsheetCSV.field("Linje 1\nLinje 2") == "\"Linje 1\nLinje 2\"")
        #expect(SpreadsheetCSV.field("Linje 1\r\nLinje 2") == "\"Linje 1\r\nLinje 2\"")
        #expect(SpreadsheetCSV.field("Kari, Ola") == "Kari, Ola")
        #expect(SpreadsheetCSV.field("Blåbærsyltetøy") == "Blåbærsyltetøy")
        #expect(SpreadsheetCSV.field("=HYPERLINK(1)") == "'=HYPERLINK(1)")
        #expect(SpreadsheetCSV.field("-1;2") == "\"'-1;2\"")
    }

    @Test("The leder overview summarises 500 LIS on a 101-objective plan, one row each")
    func theOverviewScales() throws {
        let plan = try F.plan(objectives: 101)
        var trainees: [Trainee] = []
        var assignments: [PlanAssignment] = []
        var progress: [ObjectiveProgress] = []
        for index in 0..<500 {
            let trainee = Trainee(
                id: UUID(), personKey: F.key(UInt8(index % 200)), name: "LIS \(index)", hprNumber: nil,
                programme: .lis1, email: nil, registeredAt: F.now)
            trainees.append(trainee)
            assignments.append(
                PlanAssignment(
                    id: UUID(), traineeID: trainee.id, plan: plan.reference, assignedBy: .automatic, assignedAt: F.now,
                    state: .started, startedAt: F.now, archivedAt: nil))
            for objective in plan.objectives.prefix(index % 10) {
                progress.append(
                    ObjectiveProgress(
                        id: UUID(), traineeID: trainee.id, plan: plan.reference, objectiveID: objective.id,
                        state: .submitted, history: []))
            }
        }
        let overview = LederOverview.build(
            trainees: trainees, assignments: assignments, catalog: [plan], progress: progress, activities: [], talks: [])
        #expect(overview.rows.count == 500)
        #expect(overview.rows[7].plans.first?.submitted == 7)
        #expect(overview.rows[7].plans.first?.notStarted == 94)
        #expect(overview.rows[7].awaitingDecision == 7)
        #expect(overview.csv().split(separator: "\r\n").count == 501)
    }

    @Test("Archived assignments and unknown plan versions are left out of the overview")
    func archivedPlansAreLeftOut() throws {
        let plan = try F.plan()
        let archived = PlanAssignment(
            id: UUID(), traineeID: F.trainee.id, plan: plan.reference, assignedBy: .automatic, assignedAt: F.now,
            state: .archived, startedAt: F.now, archivedAt: F.now)
        let unknown = PlanAssignment(
            id: UUID(), traineeID: F.trainee.id, plan: PlanReference(key: .alm, version: 9), assignedBy: .automatic,
            assignedAt: F.now, state: .assigned, startedAt: nil, archivedAt: nil)
        let overview = LederOverview.build(
            trainees: [F.trainee], assignments: [archived, unknown], catalog: [plan], progress: [], activities: [],
            talks: [])
        #expect(overview.rows.first?.plans.isEmpty == true)
        #expect(overview.rows.first?.isComplete == false)
    }
}

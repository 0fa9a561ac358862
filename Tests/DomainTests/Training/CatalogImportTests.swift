import Foundation
import Testing

@testable import Domain

/// A small, valid catalog in both formats, and variations that each break one rule.
enum CatalogFixture {
    static let csvHeader =
        "plan_key,plan_name,programmes,plan_version,effective_from,sample,objective_id,objective_title,"
        + "objective_description,objective_theme,activity_type,activity_title,activity_signer"

    static let csv = #"""
        \#(csvHeader)
        alm,Allmennmedisin (ALM),alis,1,2019-03-01,true,ALM-001,Første mål,"Beskrivelse, med komma",Tema A,course,Kurs i akuttmedisin,veileder
        alm,Allmennmedisin (ALM),alis,1,2019-03-01,true,ALM-001,Første mål,"Beskrivelse, med komma",Tema A,jointConsultation,Felles konsultasjon,veileder
        alm,Allmennmedisin (ALM),alis,1,2019-03-01,true,ALM-002,"Andre ""mål""","To
        linjer",Tema B,eLearning,E-læring,veileder
        fkm,Felles kompetansemål (FKM),alis;samfunnsmedisin,1,2019-03-01,false,FKM-ETIKK-01,Etikk 01,,Etikk,,,
        """#

    static func json(objectives: String = objectives, plan extra: String = "") -> Data {
        Data(
            """
            {
              "plans": [
                {
                  "key": "alm", "name": "Allmennmedisin (ALM)", "programmes": ["alis"], "version": 1,
                  "effectiveFrom": "2019-03-01", "sample": true\(extra),
                  "objectives": \(objectives)
                }
              ]
            }
            """.utf8)
    }

    static let objectives = """
        [
          { "id": "ALM-001", "title": "Første mål", "description": "Tekst", "theme": "Tema A",
            "activities": [ { "type": "course", "title": "Kurs", "signer": "veileder" } ] },
          { "id": "ALM-002", "title": "Andre mål", "description": "", "theme": "Tema B", "activities": [] }
        ]
        """

    static func failure(_ body: () throws(CatalogImportFailure) -> [Plan]) -> CatalogImportFailure? {
        do throws(CatalogImportFailure) {
            _ = try body()
            return nil
        } catch {
            return error
        }
    }
}

@Suite struct CatalogCSVImportTests {
    @Test("A valid CSV file gives plans with objectives in order and one activity per row")
    func aValidCSVFileGivesPlans() throws {
        let plans = try CatalogImport.parseCSV(Data(CatalogFixture.csv.utf8))
        #expect(plans.map(\.reference.description) == ["alm@1", "fkm@1"])
        let alm = plans[0]
        #expect(alm.isSample)
        #expect(alm.effectiveFrom == (try CalendarDate(year: 2019, month: 3, day: 1)))
        #expect(alm.objectives.map(\.id.rawValue) == ["ALM-001", "ALM-002"])
        #expect(alm.objectives[0].activities.map(\.type) == [.course, .jointConsultation])
        #expect(alm.objectives[0].description == "Beskrivelse, med komma")
        #expect(alm.objectives[1].title == "Andre \"mål\"")
        #expect(alm.objectives[1].description == "To\nlinjer")
        #expect(plans[1].programmes == [.alis, .samfunnsmedisin])
        #expect(plans[1].objectives[0].activities.isEmpty)
        #expect(!plans[1].isSample)
    }

    @Test("Every problem is reported with its line and field, not only the first")
    func everyProblemIsReported() {
        let csv = """
            \(CatalogFixture.csvHeader)
            alm,ALM,alis,1,2019-03-01,true,alm-1,Tittel,,Tema,course,Kurs,veileder
            alm,ALM,alis,1,2019-13-01,true,ALM-002,,,Tema,lecture,Kurs,boss
            """
        let failure = CatalogFixture.failure { () throws(CatalogImportFailure) in try CatalogImport.parseCSV(Data(csv.utf8)) }
        let errors = failure?.errors ?? []
        #expect(errors.contains { $0.line == 2 && $0.field == "objective_id" && $0.code == "catalog.bad-id" })
        #expect(errors.contains { $0.line == 3 && $0.field == "effective_from" && $0.code == "catalog.bad-date" })
        #expect(errors.contains { $0.line == 3 && $0.field == "objective_title" && $0.code == "catalog.missing-field" })
        #expect(errors.contains { $0.line == 3 && $0.field == "activity_type" && $0.code == "catalog.unknown-activity-type" })
        #expect(errors.contains { $0.line == 3 && $0.field == "activity_signer" && $0.code == "catalog.unknown-signer" })
        #expect(failure?.code == "catalog.invalid")
    }

    @Test("An objective id that comes back after another objective is a duplicate")
    func aRepeatedObjectiveIsADuplicate() throws {
        let csv = """
            \(CatalogFixture.csvHeader)
            alm,ALM,alis,1,2019-03-01,true,ALM-001,Tittel,,Tema,course,Kurs,veileder
            alm,ALM,alis,1,2019-03-01,true,ALM-002,Tittel,,Tema,course,Kurs,veileder
            alm,ALM,alis,1,2019-03-01,true,ALM-001,Tittel,,Tema,course,Kurs,veileder
            """
        let failure = CatalogFixture.failure { () throws(CatalogImportFailure) in try CatalogImport.parseCSV(Data(csv.utf8)) }
        let expectedID = try ObjectiveID("ALM-001")
        #expect(
            failure?.errors == [CatalogImportError(line: 4, field: "objective_id", reason: .duplicateObjective(expectedID))])
        #expect(failure?.codes == ["catalog.duplicate-id"])
    }

    @Test("Rows of one plan version that disagree on a plan value are refused, naming the column")
    func inconsistentPlanHeadersAreRefused() {
        let csv = """
            \(CatalogFixture.csvHeader)
            alm,ALM,alis,1,2019-03-01,true,ALM-001,Tittel,,Tema,course,Kurs,veileder
            alm,Allmennmedisin,alis,1,2019-04-01,true,ALM-002,Tittel,,Tema,course,Kurs,veileder
            alm,ALM,alis,1,2019-03-01,true,ALM-002,Annen tittel,,Tema,course,Kurs,veileder
            """
        let failure = CatalogFixture.failure { () throws(CatalogImportFailure) in try CatalogImport.parseCSV(Data(csv.utf8)) }
        let errors = failure?.errors ?? []
        #expect(errors.filter { $0.code == "catalog.inconsistent-plan" }.map(\.field) == ["plan_name", "effective_from"])
        #expect(errors.contains { $0.line == 4 && $0.field == "objective_title" && $0.code == "catalog.inconsistent-objective" })
    }

    @Test("A header without a required column is refused before any row is read")
    func aMissingColumnIsRefused() {
        let csv = "plan_key,plan_name,programmes,plan_version,effective_from,sample,objective_id,objective_title,colour\n"
        let failure = CatalogFixture.failure { () throws(CatalogImportFailure) in try CatalogImport.parseCSV(Data(csv.utf8)) }
        let errors = failure?.errors ?? []
        #expect(errors.contains { $0.field == "colour" && $0.code == "catalog.unknown-field" })
        #expect(errors.contains { $0.field == "activity_signer" && $0.code == "catalog.missing-field" && $0.line == 1 })
    }

    @Test("Unknown programmes, bad versions and a row with the wrong number of fields are refused")
    func badHeaderValuesAreRefused() {
        let csv = """
            \(CatalogFixture.csvHeader)
            alm,ALM,kirurgi,1.0,2019-03-01,maybe,ALM-001,Tittel,,Tema,course,Kurs,veileder
            alm,ALM,alis,1
            """
        let failure = CatalogFixture.failure { () throws(CatalogImportFailure) in try CatalogImport.parseCSV(Data(csv.utf8)) }
        #expect(failure?.codes == ["catalog.unknown-programme", "catalog.bad-value", "catalog.malformed"])
        #expect(failure?.errors.last?.line == 3)
    }

    @Test("A file that is not UTF-8 is refused as a whole")
    func latin1IsRefused() {
        var bytes = Array(CatalogFixture.csv.utf8)
        bytes.append(contentsOf: [0x66, 0xF8, 0x72])  // "før" in ISO 8859-1
        let failure = CatalogFixture.failure { () throws(CatalogImportFailure) in try CatalogImport.parseCSV(Data(bytes)) }
        #expect(failure?.errors == [CatalogImportError(line: nil, field: "file", reason: .notUTF8)])
        #expect(failure?.errors.first?.code == "catalog.encoding")
    }

    @Test("A header alone is a catalog without plans")
    func aHeaderAloneIsEmpty() {
        let failure = CatalogFixture.failure { () throws(CatalogImportFailure) in
            try CatalogImport.parseCSV(Data((CatalogFixture.csvHeader + "\n").utf8))
        }
        #expect(failure?.codes == ["catalog.empty"])
    }

    @Test("An unterminated quote is reported at the line where it opened")
    func anUnterminatedQuoteIsMalformed() {
        let csv = CatalogFixture.csvHeader + "\nalm,\"ALM,alis\n"
        let failure = CatalogFixture.failure { () throws(CatalogImportFailure) in try CatalogImport.parseCSV(Data(csv.utf8)) }
        #expect(failure?.errors.first?.line == 2)
        #expect(failure?.codes == ["catalog.malformed"])
    }

    @Test("The CSV example in Docs/catalog-format.md parses")
    func theCSVExampleInTheDocsParses() throws {
        let docs = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent(
            "../../../Docs/catalog-format.md")
        let text = try String(contentsOf: docs, encoding: .utf8)
        let start = try #require(text.range(of: "```csv\n"))
        let end = try #require(text.range(of: "```", range: start.upperBound..<text.endIndex))
        let plans = try CatalogImport.parseCSV(Data(text[start.upperBound..<end.lowerBound].utf8))
        #expect(!plans.isEmpty)
    }
}

@Suite struct CatalogJSONImportTests {
    @Test("A valid JSON catalog gives the plan, its objectives and activities")
    func aValidJSONCatalogParses() throws {
        let plans = try CatalogImport.parseJSON(CatalogFixture.json())
        #expect(plans.count == 1)
        #expect(plans[0].key == .alm)
        #expect(plans[0].objectives.map(\.id.rawValue) == ["ALM-001", "ALM-002"])
        #expect(plans[0].objectives[0].activities == [RecommendedActivity(type: .course, title: "Kurs", signer: .veileder)])
    }

    @Test("A duplicate objective id in a plan version is refused with its line")
    func aDuplicateObjectiveIsRefused() {
        let objectives = """
            [
              { "id": "ALM-001", "title": "A", "theme": "T" },
              { "id": "ALM-001", "title": "B", "theme": "T" }
            ]
            """
        let failure = CatalogFixture.failure { () throws(CatalogImportFailure) in
            try CatalogImport.parseJSON(CatalogFixture.json(objectives: objectives))
        }
        #expect(failure?.codes == ["catalog.duplicate-id"])
        #expect(failure?.errors.first?.line == 8)
        #expect(failure?.errors.first?.field == "plans[0].objectives[1].id")
    }

    @Test("A plan without objectives is refused")
    func aPlanWithoutObjectivesIsRefused() {
        let failure = CatalogFixture.failure { () throws(CatalogImportFailure) in
            try CatalogImport.parseJSON(CatalogFixture.json(objectives: "[]"))
        }
        #expect(failure?.codes == ["catalog.no-objectives"])
    }

    @Test("Missing, mistyped, misspelt and unknown values are all reported together")
    func allJSONProblemsAreReported() {
        let objectives = """
            [
              { "id": "ALM-1a", "titel": "A", "theme": 3,
                "activities": [ { "type": "seminar", "title": "S", "signer": "leder" } ] }
            ]
            """
        let failure = CatalogFixture.failure { () throws(CatalogImportFailure) in
            try CatalogImport.parseJSON(CatalogFixture.json(objectives: objectives))
        }
        let byField = Dictionary((failure?.errors ?? []).map { ($0.field, $0.code) }, uniquingKeysWith: { a, _ in a })
        #expect(byField["plans[0].objectives[0].id"] == "catalog.bad-id")
        #expect(byField["plans[0].objectives[0].titel"] == "catalog.unknown-field")
        #expect(byField["plans[0].objectives[0].title"] == "catalog.missing-field")
        #expect(byField["plans[0].objectives[0].theme"] == "catalog.bad-value")
        #expect(byField["plans[0].objectives[0].activities[0].type"] == "catalog.unknown-activity-type")
        #expect(byField["plans[0].objectives[0].activities[0].signer"] == "catalog.unknown-signer")
        // Each problem once: a missing required text is not reported again as empty.
        #expect(failure?.errors.filter { $0.field == "plans[0].objectives[0].title" }.count == 1)
    }

    @Test("An unparseable effective date and a version that is not a whole number are refused")
    func badDateAndVersionAreRefused() {
        let data = Data(
            """
            { "plans": [ { "key": "alm", "name": "ALM", "programmes": ["alis"], "version": 1.5,
              "effectiveFrom": "1.3.2019", "objectives": [ { "id": "ALM-001", "title": "A", "theme": "T" } ] } ] }
            """.utf8)
        let failure = CatalogFixture.failure { () throws(CatalogImportFailure) in try CatalogImport.parseJSON(data) }
        #expect(Set(failure?.codes ?? []) == ["catalog.bad-value", "catalog.bad-date"])
    }

    @Test("The same key and version twice in one file is refused")
    func aDuplicatePlanIsRefused() {
        let plan = """
            { "key": "fkm", "name": "FKM", "programmes": ["alis"], "version": 2, "effectiveFrom": "2019-03-01",
              "objectives": [ { "id": "FKM-ETIKK-01", "title": "A", "theme": "Etikk" } ] }
            """
        let data = Data("{ \"plans\": [ \(plan), \(plan) ] }".utf8)
        let failure = CatalogFixture.failure { () throws(CatalogImportFailure) in try CatalogImport.parseJSON(data) }
        #expect(failure?.codes == ["catalog.duplicate-plan"])
    }

    @Test("Broken JSON is reported with the line of the problem")
    func brokenJSONIsMalformed() {
        let data = Data("{\n \"plans\": [\n  { \"key\": \"alm\" \n  \"name\": 1 }\n ]\n}".utf8)
        let failure = CatalogFixture.failure { () throws(CatalogImportFailure) in try CatalogImport.parseJSON(data) }
        #expect(failure?.codes == ["catalog.malformed"])
        #expect(failure?.errors.first?.line == 4)
    }

    @Test("An empty plan list is refused")
    func anEmptyCatalogIsRefused() {
        let failure = CatalogFixture.failure { () throws(CatalogImportFailure) in
            try CatalogImport.parseJSON(Data("{ \"plans\": [] }".utf8))
        }
        #expect(failure?.codes == ["catalog.empty"])
    }

    @Test("String escapes, including a surrogate pair, decode to the right text")
    func escapesDecode() throws {
        let node = try JSONNode.parse(Array(#"["a\"b\\c\u00f8\ud83d\ude00\n"]"#.utf8))
        #expect(node.kind == .array([JSONNode(line: 1, kind: .string("a\"b\\cø😀\n"))]))
    }
}

@Suite struct CatalogReconcileTests {
    static func plan(title: String = "Første mål", version: Int = 1) throws -> Plan {
        Plan(
            key: .alm, name: "ALM", programmes: [.alis], version: version,
            effectiveFrom: try CalendarDate(iso: "2019-03-01"), isSample: false,
            objectives: [
                LearningObjective(id: try ObjectiveID("ALM-001"), title: title, description: "", theme: "T", activities: [])
            ])
    }

    @Test("Importing the same content again is a no-op")
    func theSameContentIsUnchanged() throws {
        let stored = try Self.plan()
        #expect(try stored.decideImport(existing: [stored]) == .unchanged(stored.reference))
    }

    @Test("A new version of a stored plan is accepted")
    func aNewVersionIsAdded() throws {
        let next = try Self.plan(title: "Endret", version: 2)
        #expect(try next.decideImport(existing: [try Self.plan()]) == .added(next))
    }

    @Test("Different content under a stored key and version is refused, and refuses the whole file")
    func changedContentIsAConflict() throws {
        let changed = try Self.plan(title: "Endret")
        #expect(throws: CatalogImportError(line: nil, field: "plan", reason: .versionConflict(changed.reference))) {
            try changed.decideImport(existing: [try Self.plan()])
        }
        let incoming = [try Self.plan(version: 3), changed]
        let stored = [try Self.plan()]
        let failure = CatalogFixture.failure { () throws(CatalogImportFailure) in
            _ = try CatalogImport.reconcile(incoming, existing: stored)
            return []
        }
        #expect(failure?.codes == ["catalog.version-conflict"])
    }
}

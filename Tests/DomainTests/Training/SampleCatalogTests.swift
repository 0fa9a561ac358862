import Foundation
import Testing

@testable import Domain

@Suite struct SampleCatalogTests {
    static func load() throws -> [Plan] {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../../Catalog/sample-catalog.json").standardizedFileURL
        return try CatalogImport.parseJSON(try Data(contentsOf: url))
    }

    @Test("The sample catalog holds lis1-kommune with 101 objectives, FKM with 24 and ALM with 10")
    func theSampleCatalogHasTheBenchmarkSizes() throws {
        let plans = Dictionary(uniqueKeysWithValues: try Self.load().map { ($0.key.rawValue, $0) })
        #expect(plans["lis1-kommune"]?.objectives.count == 101)
        #expect(plans["lis1-kommune"]?.objectives.first?.id.rawValue == "DEL1-001")
        #expect(plans["lis1-kommune"]?.objectives.last?.id.rawValue == "DEL1-101")
        #expect(plans["fkm"]?.objectives.count == 24)
        #expect(plans["alm"]?.objectives.count == 10)
        #expect(plans["lis1-kommune"]?.name == "LIS1 kommune")
        #expect(plans["alm"]?.name == "Allmennmedisin (ALM)")
        #expect(plans["fkm"]?.name == "Felles kompetansemål (FKM)")
    }

    @Test("Every sample plan is marked as a sample and every objective has one to three activities")
    func everySamplePlanIsMarked() throws {
        for plan in try Self.load() {
            #expect(plan.isSample)
            for objective in plan.objectives {
                #expect((1...3).contains(objective.activities.count), "\(objective.id)")
            }
        }
    }

    @Test("Text in the sample is either attributed to its source or says it is not Helsedirektoratet's")
    func noInventedTextPassesAsHelsedirektoratets() throws {
        for plan in try Self.load() {
            for objective in plan.objectives {
                let placeholder = objective.title.contains("ikke Helsedirektoratets tekst")
                let attributed = objective.note?.contains("helsedirektoratet.no") ?? false
                #expect(placeholder != attributed, "\(objective.id)")
            }
        }
    }
}

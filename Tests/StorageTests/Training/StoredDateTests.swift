import Foundation
import GRDB
import Testing

@testable import Storage

@Suite struct StoredDateTests {
    @Test(arguments: [0, 1_795_000_000.123, 1_795_000_000.999, -86_400.5, 4_102_444_799.5])
    func theFastReaderAgreesWithGRDB(_ seconds: Double) throws {
        let stored = try #require(String.fromDatabaseValue(Date(timeIntervalSince1970: seconds).databaseValue))
        let fast = try #require(StoredDate.parse(stored))
        let grdb = try #require(Date.fromDatabaseValue(stored.databaseValue))
        #expect(abs(fast.timeIntervalSince(grdb)) < 0.000_001)
    }

    @Test(arguments: [0, 1_795_000_000.123, 1_795_000_000.999, 1_795_000_000.9995, -86_400.5, -0.0004, 4_102_444_799.5])
    func theFastWriterWritesWhatGRDBWrites(_ seconds: Double) throws {
        let date = Date(timeIntervalSince1970: seconds)
        #expect(StoredDate.text(date) == String.fromDatabaseValue(date.databaseValue))
    }

    @Test func theFastWriterAgreesWithGRDBOnTenThousandInstantsWithTheirFractions() throws {
        var generator = SystemRandomNumberGenerator()
        var differing: [Double] = []
        for _ in 0..<10_000 {
            let seconds = Double.random(in: 0..<4_102_444_800, using: &generator)
            let date = Date(timeIntervalSince1970: seconds)
            if StoredDate.text(date) != String.fromDatabaseValue(date.databaseValue) { differing.append(seconds) }
        }
        #expect(differing.count == 0, "first: \(differing.prefix(3))")
    }

    @Test func anotherFormatFallsBackToGRDB() {
        #expect(StoredDate.parse("2026-11-18") == Date.fromDatabaseValue("2026-11-18".databaseValue))
        #expect(StoredDate.parse("not a date") == nil)
    }
}

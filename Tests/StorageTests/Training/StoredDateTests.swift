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

    @Test func anotherFormatFallsBackToGRDB() {
        #expect(StoredDate.parse("2026-11-18") == Date.fromDatabaseValue("2026-11-18".databaseValue))
        #expect(StoredDate.parse("not a date") == nil)
    }
}

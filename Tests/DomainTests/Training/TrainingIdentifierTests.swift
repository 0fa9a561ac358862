import Foundation
import Testing

@testable import Domain

@Suite struct TrainingIdentifierTests {
    @Test("Objective ids are upper-case letter and digit groups joined by hyphens", arguments: ["DEL1-042", "FKM-ETIKK-03", "AMM-067"])
    func wellFormedObjectiveIDs(_ raw: String) throws {
        #expect(try ObjectiveID(raw).rawValue == raw)
    }

    @Test(
        "Malformed objective ids are refused",
        arguments: ["", "DEL1", "del1-042", "DEL1--042", "-DEL1", "DEL1-042-", "DEL1 042", "DEL1-Ø42", "A-" + String(repeating: "1", count: 40)])
    func malformedObjectiveIDs(_ raw: String) {
        #expect(throws: ValidationError.self) { try ObjectiveID(raw) }
    }

    @Test("Plan keys follow the tenant id alphabet", arguments: [("lis1-kommune", true), ("alm", true), ("ALM", false), ("a/b", false), ("-x", false), ("", false)])
    func planKeys(_ raw: String, _ valid: Bool) {
        #expect(((try? PlanKey(raw)) != nil) == valid)
    }

    @Test("Calendar dates parse YYYY-MM-DD only and know leap years")
    func calendarDates() throws {
        let date = try CalendarDate(iso: "2024-02-29")
        #expect(date.iso == "2024-02-29")
        for bad in ["2023-02-29", "2024-13-01", "1.3.2019", "2024-1-01", "20240101", "2024-02-3x"] {
            #expect(throws: ValidationError.self) { try CalendarDate(iso: bad) }
        }
        #expect(try CalendarDate(iso: "2019-03-01") < CalendarDate(iso: "2020-03-01"))
    }

    @Test func aCalendarDateReadsAsNorwegiansWriteIt() throws {
        #expect(try CalendarDate(iso: "2027-01-03").norwegian == "03.01.2027")
        #expect(try CalendarDate(iso: "2026-12-24").norwegian == "24.12.2026")
    }

    @Test("Days since 1970 and the calendar date are each other's inverse", arguments: [-719_162, -1, 0, 59, 20_775, 2_932_896])
    func daysRoundTrip(_ days: Int) throws {
        let civil = CalendarDate.civil(fromDays: days)
        #expect(try CalendarDate(year: civil.year, month: civil.month, day: civil.day).daysSince1970 == days)
    }

    @Test("An instant maps to its UTC day, and the latest begun day is the one at UTC+14")
    func instantsMapToDays() throws {
        let late = Date(timeIntervalSince1970: 1_800_000_000 + 15 * 3600)  // 2027-01-15 23:00 UTC
        #expect(CalendarDate(late).iso == "2027-01-15")
        #expect(CalendarDate.latestBegun(at: late).iso == "2027-01-16")
        #expect(CalendarDate(Date(timeIntervalSince1970: -1)).iso == "1969-12-31")
    }
}

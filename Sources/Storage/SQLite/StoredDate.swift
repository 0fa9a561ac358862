import Domain
import Foundation
import GRDB

/// Reads the text GRDB stores for a `Date` (`yyyy-MM-dd HH:mm:ss.SSS`, UTC) without going through
/// `sscanf` and a calendar: the overviews read one per approved objective, thousands per request.
enum StoredDate {
    static func parse(_ text: String) -> Date? {
        let fast: Date?? = text.utf8.withContiguousStorageIfAvailable { bytes in
            guard bytes.count == 23, bytes[4] == 0x2D, bytes[7] == 0x2D, bytes[10] == 0x20, bytes[13] == 0x3A,
                bytes[16] == 0x3A, bytes[19] == 0x2E
            else { return nil }
            var ok = true
            func number(_ range: Range<Int>) -> Int {
                var value = 0
                for index in range {
                    let byte = bytes[index]
                    if byte < 0x30 || byte > 0x39 { ok = false }
                    value = value &* 10 &+ Int(byte &- 0x30)
                }
                return value
            }
            let fields = (
                number(0..<4), number(5..<7), number(8..<10), number(11..<13), number(14..<16), number(17..<19),
                number(20..<23)
            )
            guard ok, let day = try? CalendarDate(year: fields.0, month: fields.1, day: fields.2) else { return nil }
            let seconds = day.daysSince1970 * 86_400 + fields.3 * 3600 + fields.4 * 60 + fields.5
            return Date(timeIntervalSince1970: Double(seconds) + Double(fields.6) / 1000)
        }
        if case .some(.some(let date)) = fast { return date }
        return Date.fromDatabaseValue(text.databaseValue)
    }

    /// The text GRDB stores for `date` (`Date.databaseValue`: UTC, to the nearest millisecond), without
    /// its `DateFormatter`: ICU's formatting was a fifth of inserting an activity. `StoredDateTests` holds it
    /// to GRDB's text.
    static func text(_ date: Date) -> String {
        let millis = Int((date.timeIntervalSince1970 * 1000).rounded())
        var second = millis / 1000
        var fraction = millis % 1000
        if fraction < 0 {
            fraction += 1000
            second -= 1
        }
        return ISOInstant.write(second: second, millis: fraction, separator: 0x20, zone: false)
    }

    /// The date in column `index` of `row` (`column` names it in errors): nil for NULL, a corrupt row of `table`
    /// for anything unreadable. By position, as the records read their rows: a lookup by name compares every
    /// column's name without regard to case.
    static func column(_ row: Row, _ index: Int, _ column: String, table: String) throws -> Date? {
        guard let text = row[index] as String? else { return nil }
        guard let date = parse(text) else { throw StorageError.corruptRow(table: table, column: column) }
        return date
    }

    /// The date in NOT NULL column `index` of `row`, read by position.
    static func required(_ row: Row, _ index: Int, _ column: String, table: String) throws -> Date {
        guard let date = try self.column(row, index, column, table: table) else {
            throw StorageError.corruptRow(table: table, column: column)
        }
        return date
    }
}

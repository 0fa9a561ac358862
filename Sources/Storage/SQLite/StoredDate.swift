import Domain
import Foundation
import GRDB

/// Reads the text GRDB stores for a `Date` (`yyyy-MM-dd HH:mm:ss.SSS`, UTC) without going through
/// `sscanf` and a calendar: the overviews read one per approved objective, thousands per request.
enum StoredDate {
    static func parse(_ text: String) -> Date? {
        let bytes = Array(text.utf8)
        guard bytes.count == 23, bytes[10] == 0x20, bytes[13] == 0x3A, bytes[16] == 0x3A, bytes[19] == 0x2E,
            let day = try? CalendarDate(iso: String(decoding: bytes[0..<10], as: UTF8.self))
        else { return Date.fromDatabaseValue(text.databaseValue) }
        var fields: [Int] = []
        for range in [11..<13, 14..<16, 17..<19, 20..<23] {
            var value = 0
            for byte in bytes[range] {
                guard byte >= 0x30 && byte <= 0x39 else { return Date.fromDatabaseValue(text.databaseValue) }
                value = value * 10 + Int(byte - 0x30)
            }
            fields.append(value)
        }
        let seconds = day.daysSince1970 * 86_400 + fields[0] * 3600 + fields[1] * 60 + fields[2]
        return Date(timeIntervalSince1970: Double(seconds) + Double(fields[3]) / 1000)
    }

    /// The text GRDB stores for `date` (`Date.databaseValue`: UTC, to the nearest millisecond), without
    /// its `DateFormatter`: ICU's formatting was a fifth of inserting an activity. `StoredDateTests` holds it
    /// to GRDB's text.
    static func text(_ date: Date) -> String {
        let millis = Int((date.timeIntervalSince1970 * 1000).rounded())
        var days = millis / 86_400_000
        var rest = millis % 86_400_000
        if rest < 0 {
            rest += 86_400_000
            days -= 1
        }
        let (year, month, day) = CalendarDate.civil(fromDays: days)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(23)
        func put(_ value: Int, _ width: Int, then separator: UInt8?) {
            var divisor = 1
            for _ in 1..<width { divisor *= 10 }
            var value = value
            while divisor > 0 {
                bytes.append(0x30 + UInt8(value / divisor % 10))
                value %= divisor
                divisor /= 10
            }
            if let separator { bytes.append(separator) }
        }
        put(year, 4, then: 0x2D)
        put(month, 2, then: 0x2D)
        put(day, 2, then: 0x20)
        put(rest / 3_600_000, 2, then: 0x3A)
        put(rest / 60_000 % 60, 2, then: 0x3A)
        put(rest / 1000 % 60, 2, then: 0x2E)
        put(rest % 1000, 3, then: nil)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The date in `row[column]`: nil for NULL, a corrupt row of `table` for anything unreadable.
    static func column(_ row: Row, _ column: String, table: String) throws -> Date? {
        guard let text = row[column] as String? else { return nil }
        guard let date = parse(text) else { throw StorageError.corruptRow(table: table, column: column) }
        return date
    }

    /// The date in a NOT NULL column.
    static func required(_ row: Row, _ column: String, table: String) throws -> Date {
        guard let date = try self.column(row, column, table: table) else {
            throw StorageError.corruptRow(table: table, column: column)
        }
        return date
    }
}

import struct Foundation.Date

/// A day in the calendar (`YYYY-MM-DD`) with no time of day and no time zone.
///
/// Plans take effect on a day and activities are performed on a day; storing them as instants would make
/// the day depend on the time zone of whoever converts them.
package struct CalendarDate: Hashable, Sendable, Comparable, CustomStringConvertible {
    package let year: Int
    package let month: Int
    package let day: Int

    package init(year: Int, month: Int, day: Int) throws(ValidationError) {
        guard (1...9999).contains(year), (1...12).contains(month),
            (1...Self.daysIn(month: month, year: year)).contains(day)
        else { throw ValidationError(field: "date", reason: .notAllowed("not a calendar date")) }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses exactly `YYYY-MM-DD` (ISO 8601 calendar date, four-digit year).
    package init(iso raw: String, field: String = "date") throws(ValidationError) {
        let bytes = Array(raw.utf8)
        guard bytes.count == 10, bytes[4] == 0x2D, bytes[7] == 0x2D else {
            throw ValidationError(field: field, reason: .notAllowed("must be a date YYYY-MM-DD"))
        }
        func number(_ range: Range<Int>) -> Int? {
            var value = 0
            for byte in bytes[range] {
                guard byte >= 0x30 && byte <= 0x39 else { return nil }
                value = value * 10 + Int(byte - 0x30)
            }
            return value
        }
        guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10) else {
            throw ValidationError(field: field, reason: .notAllowed("must be a date YYYY-MM-DD"))
        }
        do throws(ValidationError) {
            try self.init(year: year, month: month, day: day)
        } catch {
            throw ValidationError(field: field, reason: .notAllowed("not a calendar date"))
        }
    }

    /// The calendar day of `date` at a fixed offset from UTC.
    ///
    /// With offset +14 h (the earliest time zone on Earth) a day counts as begun as soon as it has begun
    /// anywhere, which is how Domain refuses future dates without knowing the user's time zone.
    package init(_ date: Date, utcOffsetSeconds: Int = 0) {
        let seconds = Int(date.timeIntervalSince1970.rounded(.down)) + utcOffsetSeconds
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        (year, month, day) = Self.civil(fromDays: days)
    }

    /// The latest calendar date that has begun somewhere on Earth at `now`.
    package static func latestBegun(at now: Date) -> CalendarDate {
        CalendarDate(now, utcOffsetSeconds: 14 * 3600)
    }

    package var iso: String {
        func pad(_ value: Int, _ width: Int) -> String {
            let digits = String(value)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }

    package var description: String { iso }

    /// `04.12.2026`: how a Norwegian reader writes a date (dd.mm.åååå), and what a Norwegian spreadsheet reads
    /// as one; machine fields keep `iso`.
    package var norwegian: String {
        let parts = iso.split(separator: "-")
        return "\(parts[2]).\(parts[1]).\(parts[0])"
    }

    package static func < (lhs: CalendarDate, rhs: CalendarDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    private static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// Days from 1970-01-01 (negative before it): Howard Hinnant's `days_from_civil`, the inverse of `civil`.
    package var daysSince1970: Int {
        let shifted = month <= 2 ? year - 1 : year
        let era = (shifted >= 0 ? shifted : shifted - 399) / 400
        let yoe = shifted - era * 400
        let doy = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// Howard Hinnant's `civil_from_days`: proleptic Gregorian, exact for every day since 1970 and before.
    package static func civil(fromDays days: Int) -> (year: Int, month: Int, day: Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }
}

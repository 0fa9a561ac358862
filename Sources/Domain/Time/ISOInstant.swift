import Foundation

/// An instant as RFC 3339 text in UTC (`2026-11-23T00:39:41Z`, or `2026-11-23T00:39:41.123Z`), written by
/// hand: the same text as `Date.ISO8601FormatStyle` (a fraction is cut, not rounded) at a small part of its
/// cost. Every date in a response and every step of a training history is written this way, and the text
/// GRDB stores for a date (`StoredDate`) by the same digits.
package enum ISOInstant {
    package static func text(_ date: Date, milliseconds: Bool = false) -> String {
        let interval = date.timeIntervalSince1970
        let whole = interval.rounded(.down)
        let millis = min(999, Int(((interval - whole) * 1000).rounded(.down)))
        return write(second: Int(whole), millis: milliseconds ? millis : nil, separator: 0x54, zone: true)
    }

    /// `YYYY-MM-DD<separator>HH:MM:SS[.mmm][Z]` for the second since 1970 (and its milliseconds).
    package static func write(second: Int, millis: Int?, separator: UInt8, zone: Bool) -> String {
        var days = second / 86_400
        var rest = second % 86_400
        if rest < 0 {
            rest += 86_400
            days -= 1
        }
        let (year, month, day) = CalendarDate.civil(fromDays: days)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(24)
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
        put(day, 2, then: separator)
        put(rest / 3600, 2, then: 0x3A)
        put(rest / 60 % 60, 2, then: 0x3A)
        put(rest % 60, 2, then: millis == nil ? nil : 0x2E)
        if let millis { put(millis, 3, then: nil) }
        if zone { bytes.append(0x5A) }
        return String(decoding: bytes, as: UTF8.self)
    }
}

import struct Foundation.Date

/// Instants and calendar days in sealed content, written one way so a seal made today verifies in years.
extension JSONValue {
    /// `YYYY-MM-DDTHH:MM:SSZ` in UTC, whole seconds: fractions are dropped so that the text does not depend
    /// on how precisely a clock or a database kept the instant.
    package static func timestamp(_ date: Date) -> JSONValue { .string(timestampText(date)) }

    /// `YYYY-MM-DD`.
    package static func day(_ date: CalendarDate) -> JSONValue { .string(date.iso) }

    package static func timestampText(_ date: Date) -> String {
        let seconds = Int(date.timeIntervalSince1970.rounded(.down))
        let secondOfDay = ((seconds % 86_400) + 86_400) % 86_400
        func pad(_ value: Int) -> String { value < 10 ? "0\(value)" : String(value) }
        return CalendarDate(date).iso
            + "T\(pad(secondOfDay / 3600)):\(pad(secondOfDay / 60 % 60)):\(pad(secondOfDay % 60))Z"
    }

    /// Reads `timestampText` back; nil for anything not exactly in that form.
    package static func instant(_ text: String) -> Date? {
        let bytes = Array(text.utf8)
        guard bytes.count == 20, bytes[10] == UInt8(ascii: "T"), bytes[13] == UInt8(ascii: ":"),
            bytes[16] == UInt8(ascii: ":"), bytes[19] == UInt8(ascii: "Z"),
            let day = try? CalendarDate(iso: String(decoding: bytes[0..<10], as: UTF8.self))
        else { return nil }
        func number(_ range: Range<Int>) -> Int? {
            var value = 0
            for byte in bytes[range] {
                guard byte >= 0x30 && byte <= 0x39 else { return nil }
                value = value * 10 + Int(byte - 0x30)
            }
            return value
        }
        guard let hour = number(11..<13), let minute = number(14..<16), let second = number(17..<19), hour < 24,
            minute < 60, second < 60
        else { return nil }
        return Date(timeIntervalSince1970: Double(day.daysSince1970 * 86_400 + hour * 3600 + minute * 60 + second))
    }
}

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
}

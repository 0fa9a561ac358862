import Foundation

/// Dates and times as a Norwegian reads them, in Norway's time zone: «04.12.2026 kl. 14:05».
enum NorwegianTime {
    static func dateTime(_ date: Date) -> String {
        date.formatted(
            Date.VerbatimFormatStyle(
                format:
                    "\(day: .twoDigits).\(month: .twoDigits).\(year: .defaultDigits) kl. \(hour: .twoDigits(clock: .twentyFourHour, hourCycle: .zeroBased)):\(minute: .twoDigits)",
                timeZone: TimeZone(identifier: "Europe/Oslo") ?? .gmt, calendar: Calendar(identifier: .gregorian)))
    }
}

import Domain
import Foundation

/// Turns an `OutgoingMail` into an RFC 5322 message: UTF-8 text, base64 body (safe over any SMTP
/// server), encoded-word subject.
enum MailMessage {
    static func render(_ mail: OutgoingMail, from: String, at date: Date) -> String {
        let subject = "=?UTF-8?B?\(Data(mail.subject.utf8).base64EncodedString())?="
        let body = Data(mail.body.replacingOccurrences(of: "\n", with: "\r\n").utf8)
            .base64EncodedString(options: [.lineLength76Characters, .endLineWithCarriageReturn, .endLineWithLineFeed])
        let dateText = date.formatted(
            Date.VerbatimFormatStyle(
                format: "\(weekday: .abbreviated), \(day: .twoDigits) \(month: .abbreviated) \(year: .defaultDigits) \(hour: .twoDigits(clock: .twentyFourHour, hourCycle: .zeroBased)):\(minute: .twoDigits):\(second: .twoDigits) +0000",
                locale: Locale(identifier: "en_US_POSIX"), timeZone: .gmt, calendar: Calendar(identifier: .gregorian)))
        return [
            "From: \(from)",
            "To: \(mail.recipient)",
            "Subject: \(subject)",
            "Date: \(dateText)",
            "Message-ID: <\(mail.id.lowercasedText)@kompetanseportal>",
            "MIME-Version: 1.0",
            "Content-Type: text/plain; charset=utf-8",
            "Content-Transfer-Encoding: base64",
            "",
            body,
            "",
        ].joined(separator: "\r\n")
    }

    /// The address inside `Name <address>`, or the whole value.
    static func address(_ value: String) -> String {
        guard let open = value.lastIndex(of: "<"), let close = value.lastIndex(of: ">"), open < close else {
            return value.trimmingCharacters(in: .whitespaces)
        }
        return String(value[value.index(after: open)..<close])
    }
}

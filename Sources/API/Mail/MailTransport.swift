import Domain
import Foundation

/// Where outgoing mail goes: `.eml` files in a folder (the embedded default) or an SMTP server.
protocol MailTransport: Sendable {
    func send(_ mail: OutgoingMail, from: String, at date: Date) async throws
}

/// Writes each message as `<id>.eml` into a folder, for `kp serve --demo` and development.
struct FileMailTransport: MailTransport {
    let folder: URL

    func send(_ mail: OutgoingMail, from: String, at date: Date) async throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let file = folder.appendingPathComponent("\(mail.id.lowercasedText).eml")
        try Data(MailMessage.render(mail, from: from, at: date).utf8).write(to: file, options: [.atomic])
    }
}

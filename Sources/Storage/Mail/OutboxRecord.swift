import Domain
import Foundation
import GRDB

/// A row of a tenant database's `outbox` table: a message and where its delivery stands.
struct OutboxRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "outbox"

    var id: String
    var recipient: String
    var subject: String
    var body: String
    var createdAt: Date
    var attempts: Int
    var nextAttemptAt: Date
    var sentAt: Date?
    var lastError: String?

    init(_ mail: OutgoingMail, at now: Date) {
        id = mail.id.lowercasedText
        recipient = mail.recipient
        subject = mail.subject
        body = mail.body
        createdAt = now
        attempts = 0
        nextAttemptAt = now
    }

    func mail() throws -> OutgoingMail {
        guard let id = UUID(hyphenated: id) else { throw StorageError.corruptRow(table: Self.databaseTableName, column: "id") }
        return OutgoingMail(id: id, recipient: recipient, subject: subject, body: body)
    }
}

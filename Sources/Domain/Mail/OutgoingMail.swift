import struct Foundation.UUID

/// An e-mail the portal sends, as it is queued in the outbox.
package struct OutgoingMail: Sendable, Equatable {
    package let id: UUID
    package let recipient: String
    package let subject: String
    /// Plain text (UTF-8).
    package let body: String

    package init(id: UUID, recipient: String, subject: String, body: String) {
        self.id = id
        self.recipient = recipient
        self.subject = subject
        self.body = body
    }
}

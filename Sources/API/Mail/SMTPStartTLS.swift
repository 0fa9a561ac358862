/// When the SMTP transport upgrades the connection with STARTTLS (RFC 3207): `mail.smtpStartTLS`.
enum SMTPStartTLS: String, Sendable {
    /// Always; a server that does not offer it gets nothing (the message stays in the outbox).
    case required
    /// When the server offers it; otherwise the message goes in plain text, but never a password.
    case opportunistic
    /// Never: for a relay on the same machine. Refused together with a username.
    case off
}

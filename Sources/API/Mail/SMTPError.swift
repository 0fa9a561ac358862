/// Why an SMTP delivery failed. The outbox keeps the message with this text as its last error and tries again
/// later; nothing here ever holds the password.
enum SMTPError: Error, CustomStringConvertible {
    case connect(String)
    case io(String)
    case unexpectedReply(expected: Int, got: String)
    /// `mail.smtpStartTLS` is `required` and the server's EHLO does not offer STARTTLS.
    case startTLSNotOffered
    /// A username is configured but the connection is not encrypted: the password is not sent.
    case authenticationNeedsTLS
    /// The server offers neither PLAIN nor LOGIN (or no AUTH at all).
    case noAuthenticationMechanism(offered: String)
    /// The server refused the username and password.
    case authenticationFailed(String)
    /// The TLS handshake failed: an untrusted certificate, a name that does not match, …
    case tls(String)

    var description: String {
        switch self {
        case .connect(let why): "connect: \(why)"
        case .io(let why): "io: \(why)"
        case .unexpectedReply(let expected, let got): "expected \(expected), got \(got.prefix(200))"
        case .startTLSNotOffered:
            "the SMTP server does not offer STARTTLS and mail.smtpStartTLS is required: nothing was sent"
        case .authenticationNeedsTLS:
            "the SMTP connection is not encrypted (the server offers no STARTTLS): the password was not sent"
        case .noAuthenticationMechanism(let offered):
            "the SMTP server offers no AUTH PLAIN or LOGIN (offered: \(offered.isEmpty ? "none" : offered))"
        case .authenticationFailed(let reply): "SMTP authentication failed: \(reply.prefix(200))"
        case .tls(let why): "TLS: \(why)"
        }
    }
}

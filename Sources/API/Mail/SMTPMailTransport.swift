import Domain
import Foundation
import NIOCore
import NIOPosix
import NIOSSL

/// Delivers mail to an SMTP server (RFC 5321) on SwiftNIO: EHLO, STARTTLS (RFC 3207) when configured or
/// offered, AUTH PLAIN or LOGIN (RFC 4954) when a username is configured, MAIL FROM, RCPT TO, DATA, QUIT.
///
/// The password is sent only over TLS: a server that offers no STARTTLS gets nothing but EHLO, and the
/// message stays in the outbox with the reason. The server's certificate is verified (chain and name) against
/// the system's trust store or `mail.smtpCAFile`.
struct SMTPMailTransport: MailTransport {
    struct Credentials: Sendable {
        let username: String
        let password: String
    }

    let host: String
    let port: Int
    let heloName: String
    let timeout: TimeAmount
    let startTLS: SMTPStartTLS
    let credentials: Credentials?
    /// Built once; nil when `startTLS` is off.
    private let tls: NIOSSLContext?
    private let group: any EventLoopGroup

    /// Fails when the CA file cannot be read: the server does not start with a relay it could never trust.
    init(
        host: String, port: Int, heloName: String, timeoutSeconds: Int, startTLS: SMTPStartTLS,
        credentials: Credentials?, caFile: String, group: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton
    ) throws {
        self.host = host
        self.port = port
        self.heloName = heloName
        self.timeout = .seconds(Int64(timeoutSeconds))
        self.startTLS = startTLS
        self.credentials = credentials
        self.group = group
        if startTLS == .off {
            tls = nil
        } else {
            var configuration = TLSConfiguration.makeClientConfiguration()
            if !caFile.isEmpty {
                do {
                    configuration.trustRoots = .certificates(try NIOSSLCertificate.fromPEMFile(caFile))
                } catch {
                    throw ConfigurationError.invalidValue(
                        key: "mail.smtpCAFile", variable: "KP_MAIL_SMTPCAFILE", value: caFile,
                        expected: "a readable file of PEM certificates")
                }
            }
            tls = try NIOSSLContext(configuration: configuration)
        }
    }

    func send(_ mail: OutgoingMail, from: String, at date: Date) async throws {
        let message = MailMessage.render(mail, from: from, at: date)
        let connection = try await SMTPConnection.open(host: host, port: port, timeout: timeout, group: group)
        do {
            try await deliver(message, from: MailMessage.address(from), to: mail.recipient, over: connection)
        } catch {
            await connection.close()
            throw error
        }
        await connection.close()
    }

    private func deliver(_ message: String, from: String, to recipient: String, over connection: SMTPConnection)
        async throws
    {
        try expect(220, try await connection.reply())
        var features = try expect(250, try await connection.command("EHLO \(heloName)")).lines.dropFirst()
        var encrypted = false
        let offersTLS = features.contains { $0.uppercased() == "STARTTLS" }
        if startTLS == .required, !offersTLS {
            _ = try? await connection.command("QUIT")
            throw SMTPError.startTLSNotOffered
        }
        if let tls, offersTLS {
            try expect(220, try await connection.command("STARTTLS"))
            // A name is verified against the certificate's DNS names; an address (no SNI) against its IP ones.
            let name = host.contains(":") || host.split(separator: ".").allSatisfy({ Int($0) != nil }) ? nil : host
            try await connection.startTLS(context: tls, serverHostname: name)
            encrypted = true
            // RFC 3207: forget what was learnt before TLS and ask again.
            features = try expect(250, try await connection.command("EHLO \(heloName)")).lines.dropFirst()
        }
        if let credentials {
            guard encrypted else {
                _ = try? await connection.command("QUIT")
                throw SMTPError.authenticationNeedsTLS
            }
            try await authenticate(credentials, offered: Array(features), over: connection)
        }
        try expect(250, try await connection.command("MAIL FROM:<\(from)>"))
        try expect(250, try await connection.command("RCPT TO:<\(recipient)>"))
        try expect(354, try await connection.command("DATA"))
        // Dot-stuffing: a line that starts with "." gets another.
        let stuffed = message.split(separator: "\r\n", omittingEmptySubsequences: false)
            .map { $0.hasPrefix(".") ? "." + $0 : String($0) }.joined(separator: "\r\n")
        try await connection.write(stuffed + (stuffed.hasSuffix("\r\n") ? "" : "\r\n") + ".\r\n")
        try expect(250, try await connection.reply())
        _ = try? await connection.command("QUIT")
    }

    /// AUTH PLAIN when offered, else AUTH LOGIN; called only on an encrypted connection.
    private func authenticate(_ credentials: Credentials, offered features: [String], over connection: SMTPConnection)
        async throws
    {
        let mechanisms = features.first { $0.uppercased().hasPrefix("AUTH ") || $0.uppercased().hasPrefix("AUTH=") }
            .map { $0.dropFirst(5).uppercased().split(separator: " ").map(String.init) } ?? []
        func base64(_ text: String) -> String { Data(text.utf8).base64EncodedString() }
        let reply: SMTPReply
        if mechanisms.contains("PLAIN") {
            reply = try await connection.command("AUTH PLAIN " + base64("\0\(credentials.username)\0\(credentials.password)"))
        } else if mechanisms.contains("LOGIN") {
            try expect(334, try await connection.command("AUTH LOGIN"))
            try expect(334, try await connection.command(base64(credentials.username)))
            reply = try await connection.command(base64(credentials.password))
        } else {
            throw SMTPError.noAuthenticationMechanism(offered: mechanisms.joined(separator: " "))
        }
        guard reply.code == 235 else { throw SMTPError.authenticationFailed(reply.text) }
    }

    @discardableResult
    private func expect(_ code: Int, _ reply: SMTPReply) throws -> SMTPReply {
        guard reply.code == code else { throw SMTPError.unexpectedReply(expected: code, got: reply.text) }
        return reply
    }
}

import Dispatch
import Domain
import Foundation

import Glibc

/// Delivers mail to an SMTP server (RFC 5321): EHLO, MAIL FROM, RCPT TO, DATA, QUIT.
///
/// Plain SMTP to a relay the operator runs next to the portal (no TLS or AUTH here); the relay carries
/// the mail on. The blocking socket work runs on a Dispatch queue, never on the cooperative pool.
struct SMTPMailTransport: MailTransport {
    let host: String
    let port: Int
    let heloName: String
    let timeoutSeconds: Int

    func send(_ mail: OutgoingMail, from: String, at date: Date) async throws {
        let message = MailMessage.render(mail, from: from, at: date)
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
            DispatchQueue.global().async {
                do {
                    try deliver(message, from: MailMessage.address(from), to: mail.recipient)
                    continuation.resume()
                } catch {
                    continuation.resume(throwing: error)
                }
            }
        }
    }

    private func deliver(_ message: String, from: String, to recipient: String) throws {
        let connection = try SMTPConnection(host: host, port: port, timeoutSeconds: timeoutSeconds)
        defer { connection.close() }
        try connection.expect(220)
        try connection.command("EHLO \(heloName)", expect: 250)
        try connection.command("MAIL FROM:<\(from)>", expect: 250)
        try connection.command("RCPT TO:<\(recipient)>", expect: 250)
        try connection.command("DATA", expect: 354)
        // Dot-stuffing: a line that starts with "." gets another.
        let stuffed = message.split(separator: "\r\n", omittingEmptySubsequences: false)
            .map { $0.hasPrefix(".") ? "." + $0 : String($0) }.joined(separator: "\r\n")
        try connection.write(stuffed + (stuffed.hasSuffix("\r\n") ? "" : "\r\n") + ".\r\n")
        try connection.expect(250)
        try? connection.command("QUIT", expect: 221)
    }
}

/// Why an SMTP delivery failed; the outbox keeps the message and tries again later.
enum SMTPError: Error, CustomStringConvertible {
    case connect(String)
    case io(String)
    case unexpectedReply(expected: Int, got: String)

    var description: String {
        switch self {
        case .connect(let why): "connect: \(why)"
        case .io(let why): "io: \(why)"
        case .unexpectedReply(let expected, let got): "expected \(expected), got \(got.prefix(200))"
        }
    }
}

/// One blocking SMTP conversation over a TCP socket.
private final class SMTPConnection {
    private let socket: Int32
    private var buffer: [UInt8] = []

    init(host: String, port: Int, timeoutSeconds: Int) throws {
        var hints = addrinfo()
        hints.ai_family = AF_UNSPEC
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        var result: UnsafeMutablePointer<addrinfo>?
        guard getaddrinfo(host, String(port), &hints, &result) == 0, let first = result else {
            throw SMTPError.connect("cannot resolve \(host)")
        }
        defer { freeaddrinfo(result) }
        let fd = Glibc.socket(first.pointee.ai_family, first.pointee.ai_socktype, first.pointee.ai_protocol)
        guard fd >= 0 else { throw SMTPError.connect("socket failed") }
        var timeout = timeval(tv_sec: timeoutSeconds, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        guard connect(fd, first.pointee.ai_addr, first.pointee.ai_addrlen) == 0 else {
            Glibc.close(fd)
            throw SMTPError.connect("cannot connect to \(host):\(port)")
        }
        socket = fd
    }

    func close() { Glibc.close(socket) }

    func write(_ text: String) throws {
        var bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let sent = bytes.withUnsafeMutableBytes { raw -> Int in
                guard let base = raw.baseAddress else { return -1 }
                return Glibc.send(socket, base + offset, raw.count - offset, Int32(MSG_NOSIGNAL))
            }
            guard sent > 0 else { throw SMTPError.io("send failed") }
            offset += sent
        }
    }

    func command(_ line: String, expect code: Int) throws {
        try write(line + "\r\n")
        try expect(code)
    }

    /// Reads a (possibly multi-line) reply and checks its code.
    func expect(_ code: Int) throws {
        while true {
            let line = try readLine()
            guard line.count >= 3, let got = Int(line.prefix(3)) else {
                throw SMTPError.unexpectedReply(expected: code, got: line)
            }
            let more = line.count > 3 && line[line.index(line.startIndex, offsetBy: 3)] == "-"
            if more { continue }
            guard got == code else { throw SMTPError.unexpectedReply(expected: code, got: line) }
            return
        }
    }

    private func readLine() throws -> String {
        while true {
            if let end = buffer.firstIndex(of: 0x0A) {
                let line = buffer[..<end]
                buffer.removeSubrange(...end)
                return String(decoding: line.last == 0x0D ? line.dropLast() : line, as: UTF8.self)
            }
            var chunk = [UInt8](repeating: 0, count: 1024)
            let count = chunk.withUnsafeMutableBytes { Glibc.recv(socket, $0.baseAddress, $0.count, 0) }
            guard count > 0 else { throw SMTPError.io("connection closed or timed out") }
            buffer.append(contentsOf: chunk[..<count])
        }
    }
}

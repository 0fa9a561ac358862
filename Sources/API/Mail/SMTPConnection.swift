import NIOCore
import NIOPosix
import NIOSSL

/// One SMTP conversation over a SwiftNIO channel: commands out, replies (RFC 5321 §4.2) in, and the switch to
/// TLS in the middle of it (STARTTLS).
///
/// Every wait for a reply has a deadline; when it passes the channel is closed and the wait fails.
struct SMTPConnection: Sendable {
    private let channel: any Channel
    private let replies: NIOLoopBound<SMTPReplyHandler>
    private let timeout: TimeAmount

    static func open(
        host: String, port: Int, timeout: TimeAmount, group: any EventLoopGroup
    ) async throws -> SMTPConnection {
        let bootstrap = ClientBootstrap(group: group)
            .connectTimeout(timeout)
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandler(SMTPReplyHandler())
                }
            }
        let channel: any Channel
        do {
            channel = try await bootstrap.connect(host: host, port: port).get()
        } catch {
            throw SMTPError.connect("cannot connect to \(host):\(port) (\(error))")
        }
        do {
            let replies = try await channel.eventLoop.submit {
                NIOLoopBound(
                    try channel.pipeline.syncOperations.handler(type: SMTPReplyHandler.self),
                    eventLoop: channel.eventLoop)
            }.get()
            return SMTPConnection(channel: channel, replies: replies, timeout: timeout)
        } catch {
            try? await channel.close().get()
            throw error
        }
    }

    /// The next reply, whichever command it answers.
    func reply() async throws -> SMTPReply {
        let (channel, replies, timeout) = (channel, replies, timeout)
        return try await channel.eventLoop.flatSubmit {
            let deadline = channel.eventLoop.scheduleTask(in: timeout) {
                replies.value.fail(.io("no reply within \(timeout.nanoseconds / 1_000_000_000) s"))
                channel.close(promise: nil)
            }
            let next = replies.value.next(on: channel.eventLoop)
            next.whenComplete { _ in deadline.cancel() }
            return next
        }.get()
    }

    /// Sends one command line and waits for its reply.
    func command(_ line: String) async throws -> SMTPReply {
        try await write(line + "\r\n")
        return try await reply()
    }

    func write(_ text: String) async throws {
        do {
            try await channel.writeAndFlush(channel.allocator.buffer(string: text))
        } catch {
            // The reason the channel failed (a TLS handshake refused), when the reader saw it first.
            let replies = replies
            let seen = try? await channel.eventLoop.submit { replies.value.failure }.get()
            throw seen ?? SMTPError.transport(error, while: "sending")
        }
    }

    /// Puts TLS under the conversation, after the server's 220 to STARTTLS. Bytes the server sent after that
    /// reply, before the handshake, would arrive unencrypted and be taken as if they came over TLS (the
    /// STARTTLS injection of CVE-2011-0411): the connection is refused instead.
    func startTLS(context: NIOSSLContext, serverHostname: String?) async throws {
        let (channel, replies) = (channel, replies)
        try await channel.eventLoop.submit {
            guard replies.value.isIdle else {
                throw SMTPError.tls("the server sent data before the TLS handshake")
            }
            let handler = try NIOSSLClientHandler(context: context, serverHostname: serverHostname)
            try channel.pipeline.syncOperations.addHandler(handler, position: .first)
        }.get()
    }

    func close() async {
        try? await channel.close().get()
    }
}

extension SMTPError {
    /// A failure of the channel: TLS (a certificate not trusted, a name that does not match) or the socket.
    static func transport(_ error: any Error, while doing: String) -> SMTPError {
        error is NIOSSLError || error is NIOSSLExtraError ? .tls("\(error)") : .io("\(doing) failed (\(error))")
    }
}

/// A complete reply: its code and the text of each line (after `250-` / `250 `).
struct SMTPReply: Sendable {
    let code: Int
    let lines: [String]

    var text: String { "\(code) \(lines.joined(separator: " / "))" }
}

/// Cuts the bytes from the server into replies and hands each to the next waiter; used on its event loop only.
final class SMTPReplyHandler: ChannelInboundHandler {
    typealias InboundIn = ByteBuffer

    /// A line longer than this is not SMTP (RFC 5321 allows 512 octets per reply line).
    private static let maximumLine = 4096
    private var partial: [UInt8] = []
    private var lines: [String] = []
    private var ready = CircularBuffer<SMTPReply>()
    private var waiters = CircularBuffer<EventLoopPromise<SMTPReply>>()
    private(set) var failure: SMTPError?

    /// Nothing received that nobody has read yet.
    var isIdle: Bool { partial.isEmpty && lines.isEmpty && ready.isEmpty }

    func next(on eventLoop: any EventLoop) -> EventLoopFuture<SMTPReply> {
        if let reply = ready.popFirst() { return eventLoop.makeSucceededFuture(reply) }
        if let failure { return eventLoop.makeFailedFuture(failure) }
        let promise = eventLoop.makePromise(of: SMTPReply.self)
        waiters.append(promise)
        return promise.futureResult
    }

    func fail(_ error: SMTPError) {
        if failure == nil { failure = error }
        while let waiter = waiters.popFirst() { waiter.fail(failure ?? error) }
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let buffer = unwrapInboundIn(data)
        partial.append(contentsOf: buffer.readableBytesView)
        while let end = partial.firstIndex(of: 0x0A) {
            var line = partial[..<end]
            partial.removeSubrange(...end)
            if line.last == 0x0D { line = line.dropLast() }
            let text = String(decoding: line, as: UTF8.self)
            guard text.utf8.count >= 3, let code = Int(text.prefix(3)) else {
                fail(.unexpectedReply(expected: 0, got: text))
                context.close(promise: nil)
                return
            }
            lines.append(String(text.dropFirst(4)))
            if text.dropFirst(3).first != "-" {
                let reply = SMTPReply(code: code, lines: lines)
                lines = []
                if let waiter = waiters.popFirst() { waiter.succeed(reply) } else { ready.append(reply) }
            }
        }
        if partial.count > Self.maximumLine {
            fail(.io("a reply line longer than \(Self.maximumLine) bytes"))
            context.close(promise: nil)
        }
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        fail(.transport(error, while: "reading"))
        context.close(promise: nil)
    }

    func channelInactive(context: ChannelHandlerContext) {
        fail(.io("the server closed the connection"))
        context.fireChannelInactive()
    }
}

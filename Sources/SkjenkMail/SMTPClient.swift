import Foundation
import NIOCore
import NIOPosix
import NIOSSL

/// A small SMTP client (RFC 5321) on SwiftNIO: EHLO, STARTTLS when configured (the channel is
/// upgraded in place with `NIOSSLClientHandler`), AUTH PLAIN or LOGIN when credentials are given,
/// MAIL FROM, RCPT TO, DATA with dot-stuffing and QUIT; every reply code checked, every reply waited
/// for at most `configuration.timeout`. One connection per message. Hand-written: no SMTP package
/// is among those the project can use.
public struct SMTPClient: MailTransport {
    public let configuration: SMTPConfiguration
    /// The name EHLO gives for this host.
    public let clientName: String
    let group: any EventLoopGroup

    public init(
        configuration: SMTPConfiguration, clientName: String = "skjenk.localhost",
        group: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton
    ) {
        self.configuration = configuration
        self.clientName = clientName
        self.group = group
    }

    public func send(_ message: MailMessage) async throws {
        for address in [message.from] + message.to where !Self.isPlainAddress(address) {
            throw SMTPError.invalidAddress(address)
        }
        let session = try await connect()
        do {
            try await converse(session, message: message)
            await session.close()
        } catch {
            await session.close()
            throw error
        }
    }

    /// The conversation, after the connection is open.
    func converse(_ session: SMTPSession, message: MailMessage) async throws {
        try await session.expect(220, step: "tilkobling")
        var extensions = try await session.command("EHLO \(clientName)", expect: 250, step: "EHLO")
        if configuration.startTLS {
            guard Self.offers("STARTTLS", in: extensions) else { throw SMTPError.noStartTLS }
            _ = try await session.command("STARTTLS", expect: 220, step: "STARTTLS")
            try await session.startTLS(host: configuration.host)
            extensions = try await session.command("EHLO \(clientName)", expect: 250, step: "EHLO etter STARTTLS")
        }
        if let username = configuration.username, let password = configuration.password {
            try await authenticate(session, username: username, password: password, extensions: extensions)
        }
        _ = try await session.command("MAIL FROM:<\(message.from)>", expect: 250, step: "MAIL FROM")
        for recipient in message.to {
            _ = try await session.command("RCPT TO:<\(recipient)>", expect: [250, 251], step: "RCPT TO <\(recipient)>")
        }
        _ = try await session.command("DATA", expect: 354, step: "DATA")
        try await session.write(MailEncoding.dotStuffed(message.rendered()))
        try await session.expect(250, step: "meldingsteksten")
        // The message is accepted; a server that closes without answering QUIT has still got it.
        _ = try? await session.command("QUIT", expect: 221, step: "QUIT")
    }

    /// AUTH PLAIN when offered, else AUTH LOGIN. Refusals keep the reply code only: the server's text
    /// could echo what was sent.
    func authenticate(_ session: SMTPSession, username: String, password: String, extensions: SMTPReply) async throws {
        let mechanisms = Self.authMechanisms(in: extensions)
        do {
            if mechanisms.contains("PLAIN") {
                let token = Data("\0\(username)\0\(password)".utf8).base64EncodedString()
                _ = try await session.command("AUTH PLAIN \(token)", expect: 235, step: "AUTH PLAIN", secret: true)
            } else if mechanisms.contains("LOGIN") {
                _ = try await session.command("AUTH LOGIN", expect: 334, step: "AUTH LOGIN")
                _ = try await session.command(
                    Data(username.utf8).base64EncodedString(), expect: 334, step: "AUTH LOGIN (bruker)", secret: true)
                _ = try await session.command(
                    Data(password.utf8).base64EncodedString(), expect: 235, step: "AUTH LOGIN (passord)", secret: true)
            } else {
                throw SMTPError.noAuthMechanism
            }
        }
    }

    /// Opens the connection.
    func connect() async throws -> SMTPSession {
        let (stream, continuation) = AsyncThrowingStream<SMTPReply, any Error>.makeStream()
        let bootstrap = ClientBootstrap(group: group)
            .connectTimeout(.milliseconds(Int64(configuration.timeout * 1000)))
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandler(SMTPReplyDecoder(continuation: continuation))
                }
            }
        let channel: any Channel
        do {
            channel = try await bootstrap.connect(host: configuration.host, port: configuration.port).get()
        } catch {
            throw SMTPError.connect(host: configuration.host, port: configuration.port, reason: "\(error)")
        }
        return SMTPSession(
            channel: channel, replies: stream, continuation: continuation, timeout: configuration.timeout)
    }

    /// Whether an EHLO reply offers `keyword` (a line "STARTTLS", "AUTH PLAIN LOGIN", …).
    static func offers(_ keyword: String, in reply: SMTPReply) -> Bool {
        reply.lines.dropFirst().contains { $0.uppercased().split(separator: " ").first.map(String.init) == keyword }
    }

    /// The mechanisms of the EHLO reply's AUTH line(s).
    static func authMechanisms(in reply: SMTPReply) -> Set<String> {
        var mechanisms: Set<String> = []
        for line in reply.lines.dropFirst() {
            let words = line.uppercased().split(whereSeparator: { $0 == " " || $0 == "=" }).map(String.init)
            if words.first == "AUTH" { mechanisms.formUnion(words.dropFirst()) }
        }
        return mechanisms
    }

    /// An address SMTP can carry in angle brackets: one "@", no spaces, brackets or line breaks.
    static func isPlainAddress(_ address: String) -> Bool {
        address.filter { $0 == "@" }.count == 1 && !address.hasPrefix("@") && !address.hasSuffix("@")
            && !address.contains { $0.isWhitespace || $0.isNewline || "<>\",;".contains($0) }
    }
}

/// A reply: the code and its text lines (several for a multi-line reply).
public struct SMTPReply: Sendable, Hashable {
    public let code: Int
    public let lines: [String]
}

/// One open connection: sends commands and waits for their replies.
final class SMTPSession: Sendable {
    let channel: any Channel
    let timeout: TimeInterval
    let continuation: AsyncThrowingStream<SMTPReply, any Error>.Continuation
    private let iterator: ReplyIterator

    /// The reply stream's iterator, used by one conversation at a time (the commands are sequential).
    private final class ReplyIterator: @unchecked Sendable {
        var base: AsyncThrowingStream<SMTPReply, any Error>.AsyncIterator

        init(_ base: AsyncThrowingStream<SMTPReply, any Error>.AsyncIterator) {
            self.base = base
        }
    }

    init(
        channel: any Channel, replies: AsyncThrowingStream<SMTPReply, any Error>,
        continuation: AsyncThrowingStream<SMTPReply, any Error>.Continuation, timeout: TimeInterval
    ) {
        self.channel = channel
        self.continuation = continuation
        self.timeout = timeout
        self.iterator = ReplyIterator(replies.makeAsyncIterator())
    }

    /// Sends `line` (CRLF added) and checks the reply's code. `secret` lines never appear in errors.
    func command(_ line: String, expect codes: Set<Int>, step: String, secret: Bool = false) async throws -> SMTPReply {
        try await write(line + "\r\n")
        return try await expect(codes, step: step, keepText: !secret)
    }

    func command(_ line: String, expect code: Int, step: String, secret: Bool = false) async throws -> SMTPReply {
        try await command(line, expect: [code], step: step, secret: secret)
    }

    @discardableResult
    func expect(_ code: Int, step: String) async throws -> SMTPReply {
        try await expect([code], step: step, keepText: true)
    }

    /// The next reply, within the timeout; refused unless its code is one of `codes`.
    func expect(_ codes: Set<Int>, step: String, keepText: Bool) async throws -> SMTPReply {
        let continuation = self.continuation
        let timer = channel.eventLoop.scheduleTask(in: .milliseconds(Int64(timeout * 1000))) {
            continuation.finish(throwing: SMTPError.timeout(step: step))
        }
        defer { timer.cancel() }
        let reply: SMTPReply?
        do {
            reply = try await iterator.base.next()
        } catch let error as SMTPError {
            throw error
        } catch {
            throw SMTPError.closed(step: step)
        }
        guard let reply else { throw SMTPError.closed(step: step) }
        guard codes.contains(reply.code) else {
            throw SMTPError.rejected(
                step: step, code: reply.code, text: keepText ? reply.lines.joined(separator: " ") : "")
        }
        return reply
    }

    func write(_ text: String) async throws {
        do {
            try await channel.writeAndFlush(ByteBuffer(string: text)).get()
        } catch {
            throw SMTPError.closed(step: "skriving")
        }
    }

    /// Puts TLS under the conversation (after the server's 220 to STARTTLS), verifying the server's
    /// certificate and name against the system's trust roots.
    func startTLS(host: String) async throws {
        do {
            let context = try NIOSSLContext(configuration: .makeClientConfiguration())
            // SNI takes a name, not an address.
            let isAddress = (try? SocketAddress(ipAddress: host, port: 0)) != nil
            try await channel.eventLoop.submit {
                let handler = try NIOSSLClientHandler(context: context, serverHostname: isAddress ? nil : host)
                try self.channel.pipeline.syncOperations.addHandler(handler, position: .first)
            }.get()
        } catch {
            throw SMTPError.tls("\(error)")
        }
    }

    func close() async {
        continuation.finish()
        try? await channel.close().get()
    }
}

/// Splits what the server sends into replies: "250-first", "250-second", "250 last" make one.
final class SMTPReplyDecoder: ChannelInboundHandler {
    typealias InboundIn = ByteBuffer

    let continuation: AsyncThrowingStream<SMTPReply, any Error>.Continuation
    private var pending: [UInt8] = []
    private var lines: [String] = []

    init(continuation: AsyncThrowingStream<SMTPReply, any Error>.Continuation) {
        self.continuation = continuation
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        var buffer = unwrapInboundIn(data)
        pending += buffer.readBytes(length: buffer.readableBytes) ?? []
        while let end = pending.firstIndex(of: UInt8(ascii: "\n")) {
            var line = Array(pending[..<end])
            pending.removeSubrange(...end)
            if line.last == UInt8(ascii: "\r") { line.removeLast() }
            take(String(decoding: line, as: UTF8.self))
        }
        // A reply line is at most 512 octets (RFC 5321 § 4.5.3.1.5); far more is not SMTP.
        if pending.count > 64 * 1024 {
            continuation.finish(throwing: SMTPError.malformedReply(step: "svar"))
            context.close(promise: nil)
        }
    }

    private func take(_ line: String) {
        let characters = Array(line)
        guard characters.count >= 3, let code = Int(String(characters[0..<3])), (200...599).contains(code) else {
            continuation.finish(throwing: SMTPError.malformedReply(step: "svar"))
            return
        }
        lines.append(characters.count > 4 ? String(characters[4...]) : "")
        if characters.count > 3, characters[3] == "-" { return }
        continuation.yield(SMTPReply(code: code, lines: lines))
        lines = []
    }

    func channelInactive(context: ChannelHandlerContext) {
        continuation.finish()
        context.fireChannelInactive()
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        continuation.finish(throwing: SMTPError.connection("\(error)"))
        context.close(promise: nil)
    }
}

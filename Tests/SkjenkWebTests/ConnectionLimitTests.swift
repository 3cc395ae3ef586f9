import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import NIOPosix
import SkjenkWeb
import Testing

/// Issue 15, finding 6: `skjenk serve` closes a connection that sends nothing (or stops halfway
/// through its headers) after the idle timeout, and refuses oversized header lines.
@Suite struct ConnectionLimitTests {
    /// Collects what the server sends until it closes the connection.
    final class Collector: ChannelInboundHandler, @unchecked Sendable {
        typealias InboundIn = ByteBuffer
        var received = ""
        func channelRead(context: ChannelHandlerContext, data: NIOAny) {
            received += String(buffer: unwrapInboundIn(data))
        }
    }

    /// Opens a raw connection, sends `text`, and waits for the server to close it; the guard is a
    /// generous 15 s so a server that never closes fails the test instead of hanging it.
    static func sendAndWaitForClose(port: Int, _ text: String) async throws -> (closed: Bool, received: String) {
        let collector = Collector()
        let channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .channelInitializer { channel in channel.eventLoop.makeCompletedFuture { try channel.pipeline.syncOperations.addHandler(collector) } }
            .connect(host: "127.0.0.1", port: port).get()
        do {
            try await channel.writeAndFlush(ByteBuffer(string: text))
        } catch ChannelError.ioOnClosedChannel {
            // On a loaded machine the idle timeout can pass between connecting and writing: the
            // server has closed the connection already, which is what the test waits for.
        }
        let closed = try await withThrowingTaskGroup(of: Bool.self) { group in
            group.addTask {
                try await channel.closeFuture.get()
                return true
            }
            group.addTask {
                try await Task.sleep(for: .seconds(15))
                return false
            }
            let first = try await group.next() ?? false
            group.cancelAll()
            return first
        }
        if !closed { try? await channel.close() }
        let received = try await channel.eventLoop.submit { collector.received }.get()
        return (closed, received)
    }

    @Test func aSilentOrHalfSentConnectionIsClosedAfterTheIdleTimeout() async throws {
        let harness = try await WebHarness {
            $0.port = 0
            // Long enough that the test client's own request is not cut off on a loaded machine
            // (it failed with «I/O on closed channel» at 0.5 s), short enough to wait for twice.
            $0.idleTimeout = 2
        }
        try await buildApplication(services: harness.services).test(.live) { client in
            let port = try #require(client.port)
            // The server answers an ordinary request on the same configuration.
            let health = try await client.execute(uri: "/healthz", method: .get)
            #expect(health.status == .ok)
            let silent = try await Self.sendAndWaitForClose(port: port, "")
            #expect(silent.closed, "a connection that sends nothing is closed")
            let halfway = try await Self.sendAndWaitForClose(port: port, "GET /healthz HTTP/1.1\r\nHost: local")
            #expect(halfway.closed, "a connection that stops in its headers is closed")
            #expect(!halfway.received.contains("200 OK"))
        }
    }

    @Test func oversizedHeadersAreRefused() async throws {
        let harness = try await WebHarness {
            $0.port = 0
            $0.maxHeaderBytes = 8 * 1024
        }
        try await buildApplication(services: harness.services).test(.live) { client in
            let port = try #require(client.port)
            let cookie = String(repeating: "a", count: 20 * 1024)
            let answer = try await Self.sendAndWaitForClose(
                port: port, "GET /healthz HTTP/1.1\r\nHost: local\r\nCookie: x=\(cookie)\r\nConnection: close\r\n\r\n")
            #expect(answer.closed)
            #expect(!answer.received.contains("200 OK"), "\(answer.received.prefix(200))")
            // Within the limit, the same request is answered.
            let small = try await Self.sendAndWaitForClose(
                port: port, "GET /healthz HTTP/1.1\r\nHost: local\r\nCookie: x=abc\r\nConnection: close\r\n\r\n")
            #expect(small.received.hasPrefix("HTTP/1.1 200"), "\(small.received.prefix(200))")
        }
    }
}

import Foundation

/// Something that delivers messages: the SMTP client, or a recorder in tests.
public protocol MailTransport: Sendable {
    func send(_ message: MailMessage) async throws
}

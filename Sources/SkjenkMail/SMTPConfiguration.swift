import Foundation

/// Where and how reminders are sent: the SMTP server, STARTTLS, credentials and the sender.
/// The password is never part of a description, a log line or an error.
public struct SMTPConfiguration: Sendable, CustomStringConvertible {
    public var host: String
    public var port: Int
    /// Upgrade to TLS with STARTTLS before anything else is said (the default).
    public var startTLS: Bool
    public var username: String?
    public var password: String?
    /// The sender's address (From and MAIL FROM).
    public var from: String
    /// How long to wait for each reply, in seconds.
    public var timeout: TimeInterval

    public init(
        host: String, port: Int = 587, startTLS: Bool = true, username: String? = nil, password: String? = nil,
        from: String, timeout: TimeInterval = 30
    ) {
        self.host = host
        self.port = port
        self.startTLS = startTLS
        self.username = username
        self.password = password
        self.from = from
        self.timeout = timeout
    }

    /// Why the settings cannot be used, in Norwegian.
    public enum Problem: Error, Sendable, Equatable, CustomStringConvertible {
        case missing(String)
        case invalid(name: String, value: String)

        public var description: String {
            switch self {
            case .missing(let name): "\(name) er ikke satt"
            case .invalid(let name, let value): "\(name) har en ugyldig verdi («\(value)»)"
            }
        }
    }

    /// The settings from `SKJENK_SMTP_HOST`, `SKJENK_SMTP_PORT` (587), `SKJENK_SMTP_STARTTLS`
    /// (true), `SKJENK_SMTP_USER`, `SKJENK_SMTP_PASSWORD` and `SKJENK_SMTP_FROM`.
    public static func fromEnvironment(_ environment: [String: String]) throws(Problem) -> SMTPConfiguration {
        func value(_ name: String) -> String? {
            environment[name].flatMap { $0.trimmingCharacters(in: .whitespaces).isEmpty ? nil : $0 }
        }
        guard let host = value("SKJENK_SMTP_HOST") else { throw .missing("SKJENK_SMTP_HOST") }
        guard let from = value("SKJENK_SMTP_FROM") else { throw .missing("SKJENK_SMTP_FROM") }
        guard from.contains("@"), !from.contains(where: { $0.isWhitespace || $0 == "<" || $0 == ">" }) else {
            throw .invalid(name: "SKJENK_SMTP_FROM", value: from)
        }
        var port = 587
        if let text = value("SKJENK_SMTP_PORT") {
            guard let number = Int(text), (1...65535).contains(number) else {
                throw .invalid(name: "SKJENK_SMTP_PORT", value: text)
            }
            port = number
        }
        var startTLS = true
        if let text = value("SKJENK_SMTP_STARTTLS") {
            switch text.lowercased() {
            case "true", "1", "ja", "yes": startTLS = true
            case "false", "0", "nei", "no": startTLS = false
            default: throw .invalid(name: "SKJENK_SMTP_STARTTLS", value: text)
            }
        }
        let username = value("SKJENK_SMTP_USER")
        let password = environment["SKJENK_SMTP_PASSWORD"].flatMap { $0.isEmpty ? nil : $0 }
        if username != nil, password == nil { throw .missing("SKJENK_SMTP_PASSWORD") }
        return SMTPConfiguration(
            host: host, port: port, startTLS: startTLS, username: username, password: password, from: from)
    }

    /// "smtp.example.no:587 med STARTTLS, bruker skjenk" — without the password.
    public var description: String {
        "\(host):\(port) " + (startTLS ? "med STARTTLS" : "uten TLS")
            + (username.map { ", bruker \($0)" } ?? ", uten innlogging")
    }
}

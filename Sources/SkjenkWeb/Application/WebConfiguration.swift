import Foundation

/// How the web application runs: address, where its data and templates are, and session rules.
public struct WebConfiguration: Sendable {
    public var host: String
    public var port: Int
    /// The folder of the statement templates (nil: the bundled ones).
    public var statementTemplates: URL?
    /// The folder of the page templates (nil: the bundled ones).
    public var webTemplates: URL?
    /// The folder of the answers to complainants (nil: the bundled ones).
    public var replyTemplates: URL?
    /// The policy file the assessments use.
    public var policyPath: String
    /// Marks cookies `Secure`: set when the server sits behind TLS.
    public var secureCookies: Bool
    /// How long a session lasts without signing in again.
    public var sessionLifetime: TimeInterval
    /// Requests per minute one Open311 key may make.
    public var keyRequestsPerMinute: Int = 120
    /// Takes the client's address from the last entry of `X-Forwarded-For` (the one the proxy in
    /// front added). Only behind a proxy that sets it: otherwise a client could name any address
    /// and slip past the per-address sign-in limit.
    public var trustForwardedFor = false
    /// Seconds a connection may sit without sending a request part before the server closes it
    /// (a client that opens connections and sends nothing, or its headers a byte at a time).
    public var idleTimeout: TimeInterval = 30
    /// The most a request's header lines may hold together (sessions and forms need a few kB).
    public var maxHeaderBytes = 32 * 1024

    public init(
        host: String = "127.0.0.1", port: Int = 8080, statementTemplates: URL? = nil, webTemplates: URL? = nil,
        policyPath: String, secureCookies: Bool = false, sessionLifetime: TimeInterval = 8 * 3600
    ) {
        self.host = host
        self.port = port
        self.statementTemplates = statementTemplates
        self.webTemplates = webTemplates
        self.policyPath = policyPath
        self.secureCookies = secureCookies
        self.sessionLifetime = sessionLifetime
    }
}

import Foundation
import Hummingbird
import SkjenkStore

/// The request context: Hummingbird's core, and the signed-in session when there is one.
public struct WebContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// Set by `SessionMiddleware` from the session cookie or a bearer token.
    public var session: WebSession?
    /// How the session came: a cookie (pages, forms with CSRF tokens) or a bearer token (the API).
    public var sessionFromBearer = false
    /// The submitted form, read (and its CSRF token checked) by `FormMiddleware`.
    public var form: FormFields?
    /// The address of the connection's other end (the client, or the proxy in front of the server).
    public var peerAddress: String?

    public init(source: Source) {
        coreContext = .init(source: source)
        peerAddress = source.channel.remoteAddress?.ipAddress
    }

    /// Forms and uploads up to 20 MB (a week of hearings).
    public var maxUploadSize: Int { 20 * 1024 * 1024 }
}

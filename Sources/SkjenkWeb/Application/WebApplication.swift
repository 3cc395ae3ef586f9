import Foundation
import Hummingbird
import HummingbirdCore
import Logging
import SkjenkApp
import SkjenkCompose
import SkjenkCore
import SkjenkImport
import SkjenkStore

/// What the routes share: the store, the templates, the policy file (or folder) and the sign-in throttle.
public struct WebServices: Sendable {
    let store: any AppStore
    let configuration: WebConfiguration
    let pages: PageRenderer
    let statementTemplates: TemplateSet
    let replies: ComplaintReplyComposer
    let throttle: Throttle
    /// Sign-in for the web and the API: counted before bcrypt, bcrypt off the event loop.
    let signIn: SignInCheck
    /// Requests per Open311 key per minute.
    let keyLimiter: Throttle
    /// The policy file, or the folder with one per district, read again when it changes.
    let policyFile: PolicyFile
    /// Hearing files read against the format's schema (loaded once).
    let hearings: HearingDesk
    let now: @Sendable () -> Date

    public init(
        store: any AppStore, configuration: WebConfiguration, now: @escaping @Sendable () -> Date = Date.init
    ) throws {
        self.store = store
        self.configuration = configuration
        self.now = now
        pages = PageRenderer(
            templates: try configuration.webTemplates.map { try TemplateSet(folder: $0) } ?? TemplateSet.bundledWeb())
        statementTemplates =
            try configuration.statementTemplates.map { try TemplateSet(folder: $0) } ?? TemplateSet.bundledStatement()
        replies =
            try configuration.replyTemplates.map { ComplaintReplyComposer(templates: try TemplateSet(folder: $0)) }
            ?? ComplaintReplyComposer.bundled()
        throttle = Throttle(store: store)
        signIn = SignInCheck(throttle: throttle)
        keyLimiter = Throttle(store: store, limit: configuration.keyRequestsPerMinute, window: 60)
        policyFile = PolicyFile(path: configuration.policyPath)
        hearings = try HearingDesk()
    }

    /// How many passwords the sign-in has verified (the throttle's effect, for tests and monitoring).
    public func signInVerifications() async -> Int { await signIn.verifications }

    /// The policies as their file or folder stands now, so the district's edits apply at the next request.
    func policies() throws -> PolicySet {
        switch policyFile.current() {
        case .success(let policies): return policies
        case .failure:
            throw HTTPError(
                .internalServerError, message: "Policyfilen har feil eller mangler; be administratoren rette den.")
        }
    }

    /// The policy for `district` (the signed-in user's; nil for none) as its file stands now; a
    /// district without one is a `PolicySetError` (the error middleware says it in words).
    func policy(forDistrict district: String?) throws -> Policy {
        try policies().policy(forDistrict: district)
    }

    /// Who answers a complainant from `district`: the district as its policy names it, and `officer`.
    func replySignature(district: String?, officer: OfficerContact?) -> ReplySignature {
        ComplaintDesk.signature(policy: try? policy(forDistrict: district), district: district, officer: officer)
    }

    var today: LocalDate { OsloTime.today(at: now()) }

    func actor(_ session: WebSession) -> Actor { Actor(name: session.user.name, channel: "web") }

    /// Where a request came from, for the per-address sign-in limit: the connection's peer, or,
    /// behind a trusted proxy, the address the proxy put last in `X-Forwarded-For`.
    func clientAddress(_ request: Request, _ context: WebContext) -> String {
        if configuration.trustForwardedFor,
            let forwarded = request.headers[.init("X-Forwarded-For")!]?.split(separator: ",").last?
                .trimmingCharacters(in: .whitespaces), !forwarded.isEmpty
        {
            return forwarded
        }
        return context.peerAddress ?? "ukjent"
    }
}

/// The router with every page, the API and the health check, behind the session, form and
/// security middleware. Tests call this directly.
public func buildRouter(services: WebServices) -> Router<WebContext> {
    let router = Router(context: WebContext.self)
    router.add(middleware: AccessLogMiddleware())
    router.add(middleware: SecurityHeadersMiddleware())
    router.add(middleware: ErrorMiddleware(pages: services.pages, users: services.store))
    router.add(middleware: SessionMiddleware(users: services.store))
    router.add(middleware: FormMiddleware())
    router.get("/healthz") { _, _ -> Response in
        Response(
            status: .ok, headers: [.contentType: "text/plain; charset=utf-8"],
            body: .init(byteBuffer: ByteBuffer(string: "ok\n")))
    }
    SignInController(services: services).register(router)
    CasesController(services: services).register(router)
    StatementEditorController(services: services).register(router)
    ReviewController(services: services).register(router)
    MeetingsController(services: services).register(router)
    RenewalsController(services: services).register(router)
    ReportController(services: services).register(router)
    ComplaintsController(services: services).register(router)
    ComplaintFollowUpController(services: services).register(router)
    AdminController(services: services).register(router)
    APIController(services: services).register(router)
    Open311Controller(services: services).register(router)
    return router
}

/// The application `skjenk serve` runs.
public func buildApplication(services: WebServices, logger: Logger? = nil) -> some ApplicationProtocol {
    let configuration = services.configuration
    // Idle connections are closed and header lines are bounded, so slow or silent clients cannot
    // hold the server's connections (issue 15, finding 6).
    let http = HTTP1Channel.Configuration(
        idleTimeout: .milliseconds(Int64(configuration.idleTimeout * 1_000)),
        httpDecoderConfiguration: .init(
            maxHeaderFieldSize: configuration.maxHeaderBytes, maxHeaderListSize: configuration.maxHeaderBytes,
            maxHeaderFieldCount: 100))
    return Application(
        router: buildRouter(services: services), server: .http1(configuration: http),
        configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "skjenk"),
        logger: logger)
}

import Foundation
import Hummingbird
import SkjenkApp
import SkjenkStore

/// Reads the session: the `skjenk_sesjon` cookie (pages) or `Authorization: Bearer` (the API).
struct SessionMiddleware: RouterMiddleware {
    let users: any UserStore

    static let cookieName = "skjenk_sesjon"

    func handle(
        _ request: Request, context: WebContext, next: (Request, WebContext) async throws -> Response
    )
        async throws -> Response
    {
        var context = context
        (context.session, context.sessionFromBearer) = try await Self.session(of: request, users: users)
        return try await next(request, context)
    }

    /// The request's session and whether it came as a bearer token; also read by `ErrorMiddleware`,
    /// which runs outside this middleware and shows error pages with the user's navigation.
    static func session(of request: Request, users: any UserStore) async throws -> (WebSession?, fromBearer: Bool) {
        if let authorization = request.headers[.authorization], authorization.hasPrefix("Bearer ") {
            let token = String(authorization.dropFirst("Bearer ".count))
            let session = try await users.session(tokenHash: Tokens.hash(token))
            return (session, session != nil)
        }
        if let token = request.cookies[cookieName]?.value {
            return (try await users.session(tokenHash: Tokens.hash(token)), false)
        }
        return (nil, false)
    }
}

/// Reads submitted forms and checks their CSRF token: every change made with a session cookie
/// carries the session's token (the form field `csrf` or the header `X-CSRF-Token`); the sign-in
/// form, made before there is a session, carries the token of its own cookie.
struct FormMiddleware: RouterMiddleware {
    static let loginCookie = "skjenk_skjema"
    /// Bodies read before the route's access check, by what the request is.
    static let signInLimit = 16 * 1024
    static let open311Limit = 64 * 1024
    static let formLimit = 1024 * 1024

    /// 413 with the limit in words.
    static func tooLarge(_ limit: Int) -> HTTPError {
        let size = limit >= 1024 * 1024 ? "\(limit / (1024 * 1024)) MB" : "\(limit / 1024) kB"
        return HTTPError(.contentTooLarge, message: "Forespørselen er for stor; høyst \(size) tas imot her.")
    }

    func handle(
        _ request: Request, context: WebContext, next: (Request, WebContext) async throws -> Response
    )
        async throws -> Response
    {
        guard request.method == .post else { return try await next(request, context) }
        var context = context
        let contentType = request.headers[.contentType] ?? ""
        let path = request.uri.path
        if !path.hasPrefix("/api/") {
            // The body is read only when the request may be served, and only as much as its kind
            // needs (issue 15, finding 1): nothing without a session but the sign-in form (16 KB)
            // and Open311 reports (64 KB, checked against their key), 1 MB for a form, the import
            // limit for a file upload.
            let limit: Int
            if context.session != nil {
                limit = contentType.lowercased().hasPrefix("multipart/") ? context.maxUploadSize : Self.formLimit
            } else if path == "/logg-inn" {
                limit = Self.signInLimit
            } else if path.hasPrefix("/open311/") {
                limit = Self.open311Limit
            } else {
                // No session: the route's access check answers (sign in, or 403) without the body.
                return try await next(request, context)
            }
            if let length = request.headers[.contentLength].flatMap(Int.init), length > limit {
                context.logger.debug("body refused", metadata: ["limit": "\(limit)", "declared": "\(length)"])
                throw Self.tooLarge(limit)
            }
            let buffer: ByteBuffer
            do {
                buffer = try await request.body.collect(upTo: limit)
            } catch {
                context.logger.debug("body refused", metadata: ["limit": "\(limit)"])
                throw Self.tooLarge(limit)
            }
            context.form = FormFields.parse(Data(buffer.readableBytesView), contentType: contentType)
            // What ran, for the operator and the tests of the limits: never the fields themselves.
            context.logger.trace("form parsed", metadata: ["bytes": "\(buffer.readableBytes)"])
        }
        // Bearer tokens are not sent by browsers on their own: no CSRF token needed.
        if context.sessionFromBearer { return try await next(request, context) }
        let given = context.form?["csrf"] ?? request.headers[.init("X-CSRF-Token")!]
        let expected: String?
        if let session = context.session {
            expected = session.csrfToken
        } else if request.uri.path == "/logg-inn" {
            expected = request.cookies[Self.loginCookie]?.value
        } else {
            // No session: the route's access check answers (sign in, or 401 for the API).
            return try await next(request, context)
        }
        guard let given, let expected, Tokens.equal(given, expected) else {
            throw HTTPError(.forbidden, message: "Skjemaet er utløpt eller ugyldig. Last siden på nytt og prøv igjen.")
        }
        return try await next(request, context)
    }
}

/// Headers that keep pages from being framed, sniffed or loading anything from elsewhere.
struct SecurityHeadersMiddleware: RouterMiddleware {
    typealias Context = WebContext

    func handle(
        _ request: Request, context: WebContext, next: (Request, WebContext) async throws -> Response
    )
        async throws -> Response
    {
        var response = try await next(request, context)
        response.headers[.init("Content-Security-Policy")!] =
            "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self'; "
            + "frame-ancestors 'none'; form-action 'self'; base-uri 'none'"
        response.headers[.init("X-Content-Type-Options")!] = "nosniff"
        response.headers[.init("X-Frame-Options")!] = "DENY"
        response.headers[.init("Referrer-Policy")!] = "same-origin"
        response.headers[.cacheControl] = "no-store"
        return response
    }
}

/// One line per request: method, path, status and time. The query is left out (it may carry an
/// `api_key` or a search text), and so are bodies, cookies and who asked: the audit trail records
/// who did what, and nothing a complainant gave ever reaches the log.
struct AccessLogMiddleware: RouterMiddleware {
    typealias Context = WebContext

    func handle(
        _ request: Request, context: WebContext, next: (Request, WebContext) async throws -> Response
    )
        async throws -> Response
    {
        let start = ContinuousClock.now
        func log(_ status: HTTPResponse.Status) {
            let elapsed = start.duration(to: .now)
            let milliseconds =
                Double(elapsed.components.seconds) * 1_000 + Double(elapsed.components.attoseconds) / 1e15
            context.logger.info(
                "forespørsel",
                metadata: [
                    "metode": .string(request.method.rawValue), "sti": .string(request.uri.path),
                    "status": .stringConvertible(status.code), "ms": .string(String(format: "%.1f", milliseconds)),
                ])
        }
        do {
            let response = try await next(request, context)
            log(response.status)
            return response
        } catch {
            log((error as? any HTTPResponseError)?.status ?? .internalServerError)
            throw error
        }
    }
}

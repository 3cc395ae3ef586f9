import Foundation
import Hummingbird
import HummingbirdBcrypt
import SkjenkApp
import SkjenkCore
import SkjenkStore

/// Signing in and out, and the front page that sends each role to its work.
struct SignInController {
    let services: WebServices

    struct SignInContent: Encodable {
        let next: String
        let name: String
    }

    func register(_ router: Router<WebContext>) {
        router.get("/") { request, context -> Response in
            guard let session = context.session else { return PageRenderer.redirect("/logg-inn") }
            switch session.user.role {
            case .caseworker, .complaintOfficer: return PageRenderer.redirect("/saker")
            case .councilMember, .manager: return PageRenderer.redirect("/behandling")
            case .admin: return PageRenderer.redirect("/registre")
            }
        }
        router.get("/logg-inn") { request, context -> Response in
            let next = Self.safeNext(request.queryForm.get("neste"))
            return try signInPage(request, context, next: next, name: "")
        }
        router.post("/logg-inn") { request, context -> Response in
            let form = context.form ?? FormFields()
            let name = form["navn"] ?? ""
            let next = Self.safeNext(form["neste"])
            let address = services.clientAddress(request, context)
            let now = services.now()
            // A field left empty is for the user to fill in, not a failed attempt.
            var errors = FormErrors()
            if form["navn"] == nil { errors.add("navn", "Skriv brukernavnet ditt.") }
            if form["passord"] == nil { errors.add("passord", "Skriv passordet ditt.") }
            guard errors.isEmpty else {
                return try signInPage(request, context, next: next, name: form.get("navn") ?? "", errors: errors)
            }
            let user: WebUser
            switch try await services.signIn.check(
                name: name, password: form["passord"], address: address, store: services.store, now: now)
            {
            case .throttled:
                return try signInPage(
                    request, context, next: next, name: name,
                    error: "For mange mislykkede forsøk. Vent et kvarter og prøv igjen.", status: .tooManyRequests)
            case .refused:
                return try signInPage(
                    request, context, next: next, name: name,
                    errors: FormErrors("passord", "Feil brukernavn eller passord. Skriv passordet på nytt."),
                    status: .unauthorized)
            case .signedIn(let found): user = found
            }
            let (token, _) = try await Accounts.openSession(
                for: user, lifetime: services.configuration.sessionLifetime, store: services.store, now: now)
            var response = PageRenderer.redirect(next)
            response.setCookie(
                Cookie(
                    name: SessionMiddleware.cookieName, value: token,
                    maxAge: Int(services.configuration.sessionLifetime), path: "/",
                    secure: services.configuration.secureCookies, httpOnly: true, sameSite: .lax))
            return response
        }
        router.post("/logg-ut") { request, context -> Response in
            if let token = request.cookies[SessionMiddleware.cookieName]?.value {
                try await Accounts.closeSession(token: token, store: services.store)
            }
            var response = PageRenderer.redirect("/logg-inn")
            response.setCookie(
                Cookie(
                    name: SessionMiddleware.cookieName, value: "", maxAge: 0, path: "/",
                    secure: services.configuration.secureCookies, httpOnly: true, sameSite: .lax))
            return response
        }
    }

    /// The sign-in page with a fresh form token in its own cookie (there is no session yet). The
    /// user name comes back as typed; the password never does.
    func signInPage(
        _ request: Request, _ context: WebContext, next: String, name: String, error: String? = nil,
        errors: FormErrors = FormErrors(), status: HTTPResponse.Status? = nil
    ) throws -> Response {
        let token = Tokens.random()
        var response = try services.pages.page(
            "logg-inn", title: "Logg inn", content: SignInContent(next: next, name: name), session: nil,
            path: request.uri.path, error: error, errors: errors, status: status, csrf: token)
        response.setCookie(
            Cookie(
                name: FormMiddleware.loginCookie, value: token, path: "/logg-inn",
                secure: services.configuration.secureCookies, httpOnly: true, sameSite: .strict))
        return response
    }

    /// Only paths on this site: never an address elsewhere.
    /// Where to go after signing in: only a path on this site. One `/` followed by neither `/` nor
    /// `\`, no control characters or whitespace anywhere (a browser drops a tab and would read
    /// `/\t/evil.example` as `//evil.example`), and it must parse as a URL with no scheme or host.
    static func safeNext(_ next: String?) -> String {
        guard let next, next.count <= 2_000, next.hasPrefix("/"), !next.hasPrefix("//"),
            !next.contains("\\"),
            !next.unicodeScalars.contains(where: {
                CharacterSet.controlCharacters.contains($0) || CharacterSet.whitespacesAndNewlines.contains($0)
            }),
            let url = URLComponents(string: next), url.scheme == nil, url.host == nil
        else { return "/" }
        // A percent-encoded slash or backslash right after the first one is the same trick.
        let lowered = next.lowercased()
        if lowered.hasPrefix("/%2f") || lowered.hasPrefix("/%5c") || lowered.hasPrefix("/%09") { return "/" }
        return next
    }
}

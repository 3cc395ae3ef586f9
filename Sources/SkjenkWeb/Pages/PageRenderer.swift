import Foundation
import Hummingbird
import SkjenkApp
import SkjenkCompose
import SkjenkCore
import SkjenkStore

/// A link in the page header.
struct NavItem: Encodable {
    let href: String
    let label: String
    let current: Bool
}

/// Every page: the header (user, role, navigation, the form token), a message, a refused form's
/// problems (`FormErrors`), and the page's own content.
struct PageView<Content: Encodable>: Encodable {
    let title: String
    let signedIn: Bool
    let userName: String
    let roleLabel: String
    let nav: [NavItem]
    let csrf: String
    let message: String
    let hasMessage: Bool
    let error: String
    let hasError: Bool
    let form: FormView
    let side: Content
}

/// Renders pages from the web templates (`Templates/web`).
struct PageRenderer: Sendable {
    let templates: TemplateSet

    static func navigation(for role: Role?, path: String) -> [NavItem] {
        let items: [(String, String)]
        switch role {
        case .caseworker?, .complaintOfficer?:
            items = [
                ("/saker", "Høringer"), ("/behandling", "Til behandling"), ("/moter", "Møter"), ("/klager", "Klager"),
                ("/oppfolging", "Min oppfølging"), ("/rapport", "Årsrapport"),
            ]
        case .councilMember?, .manager?:
            items = [
                ("/behandling", "Til behandling"), ("/moter", "Møter"), ("/oppfolging", "Min oppfølging"),
                ("/rapport", "Årsrapport"),
            ]
        case .admin?: items = [("/registre", "Registre"), ("/brukere", "Brukere"), ("/revisjon", "Revisjonsspor")]
        case nil: items = []
        }
        return items.map { NavItem(href: $0.0, label: $0.1, current: path.hasPrefix($0.0)) }
    }

    /// Renders `template` in the shared header and footer. `error` is a problem with the whole page;
    /// `errors` a refused form's problems field by field (see `FormErrors`): with any, the page
    /// opens with the error summary, its title starts «Feil: » and the status is 422 unless told.
    func page(
        _ template: String, title: String, content: some Encodable, session: WebSession?, path: String,
        message: String? = nil, error: String? = nil, errors: FormErrors = FormErrors(),
        status: HTTPResponse.Status? = nil, csrf: String? = nil
    ) throws -> Response {
        let view = PageView(
            title: errors.isEmpty ? title : "Feil: \(title)", signedIn: session != nil,
            userName: session?.user.name ?? "", roleLabel: session?.user.role.label ?? "",
            nav: Self.navigation(for: session?.user.role, path: path), csrf: csrf ?? session?.csrfToken ?? "",
            message: message ?? "", hasMessage: message != nil, error: error ?? "", hasError: error != nil,
            form: FormView(errors), side: content)
        let html: String
        do {
            html = try templates.render(view, template: template)
        } catch {
            throw PageTemplateError(problem: error)
        }
        return Self.html(html, status: status ?? (errors.isEmpty ? .ok : .unprocessableContent))
    }

    static func html(_ text: String, status: HTTPResponse.Status = .ok) -> Response {
        Response(
            status: status, headers: [.contentType: "text/html; charset=utf-8"],
            body: .init(byteBuffer: ByteBuffer(string: text)))
    }

    /// A redirect after a form (303, so the browser fetches the target with GET).
    static func redirect(_ location: String) -> Response {
        Response(status: .seeOther, headers: [.location: location])
    }
}

/// A page template that cannot be rendered: logged for the administrator, shown as a plain error.
struct PageTemplateError: Error {
    let problem: TemplateSet.Problem
}

/// Turns errors into Norwegian pages (or JSON for the API), in one place; raw error text never
/// reaches a user.
struct ErrorMiddleware: RouterMiddleware {
    let pages: PageRenderer
    /// Reads the session again for an error page: this middleware runs outside `SessionMiddleware`
    /// (so that its errors too become pages), and the page shows the user's header and navigation.
    let users: any UserStore

    func handle(
        _ request: Request, context: WebContext, next: (Request, WebContext) async throws -> Response
    )
        async throws -> Response
    {
        do {
            return try await next(request, context)
        } catch let signIn as SignInRequired {
            let next = signIn.path.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "/"
            return PageRenderer.redirect("/logg-inn?neste=\(next)")
        } catch let error as HTTPError {
            return try await respond(request, context, status: error.status, message: error.body ?? Self.text(error.status))
        } catch let error as PolicySetError {
            // The folder of policies lacks the district's file: the administrator's to fix, named for the user.
            context.logger.error("no policy for the district", metadata: ["problem": "\(error.description)"])
            return try await respond(request, context, status: .internalServerError, message: Self.text(error))
        } catch let error as PageTemplateError {
            context.logger.error("page template error", metadata: ["problem": "\(error.problem)"])
            return try await respond(request, context, status: .internalServerError, message: Self.text(.internalServerError))
        } catch {
            context.logger.error("request failed", metadata: ["type": "\(type(of: error))"])
            return try await respond(request, context, status: .internalServerError, message: Self.text(.internalServerError))
        }
    }

    /// A missing district policy in words for the user (the folder is the administrator's business).
    static func text(_ error: PolicySetError) -> String {
        switch error {
        case .noPolicy(let district, _, _):
            "Bydel \(district) har ingen policyfil; be administratoren legge den til."
        case .noDistrict:
            "Brukeren din hører ikke til en bydel, og tjenesten har policyer for flere bydeler; "
                + "be administratoren knytte deg til en bydel."
        }
    }

    /// The error page's title (the browser tab, the history).
    static func title(_ status: HTTPResponse.Status) -> String {
        switch status.code {
        case 403: "Ingen tilgang"
        case 404: "Fant ikke siden"
        default: "Feil"
        }
    }

    static func text(_ status: HTTPResponse.Status) -> String {
        switch status.code {
        case 400: "Forespørselen er ugyldig."
        case 401: "Logg inn først."
        case 403: "Du har ikke tilgang til dette."
        case 404: "Siden finnes ikke."
        case 413: "Forespørselen er for stor."
        default: "Noe gikk galt hos oss. Prøv igjen, og si fra til administratoren hvis det gjentar seg."
        }
    }

    private func respond(
        _ request: Request, _ context: WebContext, status: HTTPResponse.Status, message: String
    )
        async throws -> Response
    {
        if request.uri.path.hasPrefix("/api/") {
            return APIResponse.error(status, message)
        }
        // Open311 clients get the specification's error list, in the format they asked for.
        if request.uri.path.hasPrefix("/open311/") {
            return (request.uri.path.hasSuffix(".xml") ? Open311Format.xml : .json).error(status, message)
        }
        struct ErrorContent: Encodable {
            let status: Int
            let message: String
            /// Where to come back to after signing in, for a visitor without a session.
            let signInPath: String
        }
        // A session that cannot be read (the store failing) shows the page without the navigation.
        let session =
            if let session = context.session { session } else {
                (try? await SessionMiddleware.session(of: request, users: users))?.0
            }
        let back = request.uri.path.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "/"
        do {
            return try pages.page(
                "feil", title: Self.title(status),
                content: ErrorContent(status: status.code, message: message, signInPath: "/logg-inn?neste=\(back)"),
                session: session, path: request.uri.path, status: status)
        } catch {
            return PageRenderer.html(
                "<!DOCTYPE html><html lang=\"nb\"><title>Feil</title><p>\(MarkupText.escape(message))</p></html>",
                status: status)
        }
    }
}

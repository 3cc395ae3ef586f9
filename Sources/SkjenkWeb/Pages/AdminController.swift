import Foundation
import Hummingbird
import SkjenkCompose
import SkjenkCore
import SkjenkStore

/// For administrators: the registers with their counts and last update, and the audit trail.
struct AdminController {
    let services: WebServices

    struct Source: Encodable {
        let kind: String
        let source: String
        let entries: Int
        let importedAt: String
        let importedBy: String
    }

    struct Kind: Encodable {
        let code: String
        let label: String
    }

    /// A tool the server runs for the archive, and whether it is there.
    struct Tool: Encodable {
        let name: String
        let state: String
    }

    struct RegistersContent: Encodable {
        let tools: [Tool]
        let sources: [Source]
        let kinds: [Kind]
        let problems: [String]
        let hasProblems: Bool
    }

    struct Event: Encodable {
        let at: String
        let actor: String
        let channel: String
        let action: String
        let entity: String
        let detail: String
    }

    struct AuditContent: Encodable {
        let events: [Event]
        let who: String
        let what: String
        let from: String
        let to: String
        /// Whether more events match than are shown.
        let isCut: Bool
        let limit: Int
    }

    /// A user as the users page shows it, with the profile the letters use.
    struct UserRow: Encodable {
        let name: String
        let role: String
        let status: String
        let fullName: String
        let title: String
        let phone: String
        let email: String
    }

    struct UsersContent: Encodable {
        let users: [UserRow]
    }

    /// Events shown at most; a narrower search finds older ones.
    static let auditLimit = 500

    func register(_ router: Router<WebContext>) {
        router.get("/registre") { request, context -> Response in
            let session = try Access.require(Access.admins, request, context)
            return try await registers(request, session: session, message: nil, problems: [])
        }
        router.post("/registre/:kind") { request, context -> Response in
            let session = try Access.require(Access.admins, request, context)
            // The registers are the whole city's: an administrator of one district does not replace them.
            if let district = session.user.district {
                throw HTTPError(
                    .forbidden,
                    message: "Du har ikke tilgang til å laste opp registre som administrator for bydel \(district): "
                        + "registrene er felles for hele byen og lastes opp av byens administrator.")
            }
            guard let file = context.form?.file("fil"), !file.data.isEmpty else {
                return try await registers(
                    request, session: session, message: nil, problems: ["Velg en fil å laste opp."])
            }
            let (message, problems) = try await RegisterUpload(services: services).store(
                kind: context.parameters.get("kind") ?? "", file: file, actor: services.actor(session))
            return try await registers(request, session: session, message: message, problems: problems)
        }
        router.get("/brukere") { request, context -> Response in
            let session = try Access.require(Access.admins, request, context)
            return try await users(request, session: session, message: nil, error: nil)
        }
        router.post("/brukere/:name/profil") { request, context -> Response in
            let session = try Access.require(Access.admins, request, context)
            let name = context.parameters.get("name") ?? ""
            // Another district's user is answered as one that does not exist, before the form is read.
            guard try await reachableUsers(session).contains(where: { $0.name.lowercased() == name.lowercased() }) else {
                return try await users(
                    request, session: session, message: nil, error: UserStoreError.notFound(name).description)
            }
            let form = context.form ?? FormFields()
            func field(_ key: String) -> String? {
                form[key].map { $0.trimmingCharacters(in: .whitespaces) }.flatMap { $0.isEmpty ? nil : $0 }
            }
            guard let fullName = field("navn") else {
                return try await users(request, session: session, message: nil, error: "Oppgi fullt navn.")
            }
            let profile = OfficerContact(
                fullName: fullName, title: field("tittel"), phone: field("telefon"), email: field("epost"))
            do {
                try await services.store.setProfile(profile, name: name, actor: services.actor(session))
            } catch let error as UserStoreError {
                return try await users(request, session: session, message: nil, error: error.description)
            }
            return try await users(
                request, session: session, message: "\(name) vises nå som «\(profile.nameAndTitle)» i uttalelsene.",
                error: nil)
        }
        router.get("/revisjon") { request, context -> Response in
            let session = try Access.require(Access.admins, request, context)
            let parameters = request.queryForm
            let who = String((parameters.get("hvem") ?? "").trimmingCharacters(in: .whitespaces).prefix(200))
            let what = String((parameters.get("hva") ?? "").trimmingCharacters(in: .whitespaces).prefix(200))
            let fromText = parameters.get("fra")?.trimmingCharacters(in: .whitespaces) ?? ""
            let toText = parameters.get("til")?.trimmingCharacters(in: .whitespaces) ?? ""
            let from = fromText.isEmpty ? nil : LocalDate(anyFormat: fromText)
            let to = toText.isEmpty ? nil : LocalDate(anyFormat: toText)
            var problem: String?
            if (!fromText.isEmpty && from == nil) || (!toText.isEmpty && to == nil) {
                problem = "Skriv datoene som 20.11.2026 eller 2026-11-20."
            }
            let events = try await services.store.searchAudit(
                AuditSearch(
                    who: who, what: what, from: from.map { OsloTime.instant($0) },
                    until: to.map { OsloTime.instant($0.adding(days: 1)) }, limit: Self.auditLimit,
                    actors: try await districtActors(session))
            ).map {
                Event(
                    at: NorwegianFormat.dateTime($0.at), actor: $0.actor, channel: $0.channel,
                    action: AuditEntry.phrase(action: $0.action, entity: $0.entity),
                    entity: AuditEntry.subject(entity: $0.entity, entityId: $0.entityId), detail: $0.detail)
            }
            return try services.pages.page(
                "revisjon", title: "Revisjonsspor",
                content: AuditContent(
                    events: events, who: who, what: what, from: fromText, to: toText,
                    isCut: events.count == Self.auditLimit, limit: Self.auditLimit),
                session: session, path: request.uri.path, error: problem,
                status: problem == nil ? .ok : .unprocessableContent)
        }
    }

    /// Whose events an administrator tied to a district sees: the district's users and Open311
    /// clients (nil, everyone's, for an administrator without a district).
    func districtActors(_ session: WebSession) async throws -> Set<String>? {
        guard let district = session.user.district else { return nil }
        let users = try await services.store.users().filter { $0.district == district }.map(\.name)
        let keys = try await services.store.apiKeys().filter { $0.district == district }.map { "open311:\($0.name)" }
        return Set(users + keys)
    }

    /// The users an administrator may see and change: those of the administrator's district (every
    /// user for an administrator without a district).
    func reachableUsers(_ session: WebSession) async throws -> [WebUser] {
        try await services.store.users().filter { user in session.user.district.map { $0 == user.district } ?? true }
    }

    /// The users with the full name, title and contact the letters show, each editable.
    func users(_ request: Request, session: WebSession, message: String?, error: String?) async throws -> Response {
        let rows = try await reachableUsers(session).map {
            UserRow(
                name: $0.name, role: $0.role.label, status: $0.disabled ? "sperret" : "aktiv",
                fullName: $0.profile?.fullName ?? "", title: $0.profile?.title ?? "", phone: $0.profile?.phone ?? "",
                email: $0.profile?.email ?? "")
        }
        return try services.pages.page(
            "brukere", title: "Brukere", content: UsersContent(users: rows), session: session,
            path: request.uri.path, message: message, error: error,
            status: error == nil ? .ok : .unprocessableContent)
    }

    func registers(
        _ request: Request, session: WebSession, message: String?, problems: [String]
    ) async throws
        -> Response
    {
        let sources = try await services.store.registerSources().map {
            Source(
                kind: $0.kind.label, source: $0.source, entries: $0.entries,
                importedAt: NorwegianFormat.dateTime($0.importedAt), importedBy: $0.importedBy)
        }
        let kinds = [
            Kind(code: "steder", label: "Skoler, barnehager og andre steder"),
            Kind(code: "skjenkesteder", label: "Steder med bevilling"), Kind(code: "adresser", label: "Adresser"),
            Kind(code: "prikker", label: "Prikker fra Næringsetaten"),
            Kind(code: "veger", label: "Veger til kartet (GeoJSON)"),
        ]
        return try services.pages.page(
            "registre", title: "Registre",
            content: RegistersContent(
                tools: [
                    Tool(
                        name: "LibreOffice (PDF/A til arkivet)",
                        state: PDFConverter.locate().map { "funnet: \($0.path)" } ?? PDFConverter.installHint),
                    Tool(
                        name: "rsvg-convert (kartet som bilde)",
                        state: MapRasterizer.locate().map { "funnet: \($0.path)" }
                            ?? "mangler: installer librsvg2-bin; kartet legges da inn som SVG"),
                ],
                sources: sources, kinds: kinds, problems: problems, hasProblems: !problems.isEmpty),
            session: session, path: request.uri.path, message: message,
            status: message == nil && !problems.isEmpty ? .unprocessableContent : .ok)
    }
}

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
        /// The refused upload's problem, on this kind's file field.
        var uploadError: FieldError?
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

    /// A user as the users page shows it, with the profile the letters use (as typed, with each
    /// field's problem, after a refused form).
    struct UserRow: Encodable {
        let name: String
        let role: String
        let status: String
        let fullName: String
        let title: String
        let phone: String
        let email: String
        let fullNameError: FieldError?
        let titleError: FieldError?
        let phoneError: FieldError?
        let emailError: FieldError?
    }

    /// A refused profile form: whose, what was typed, and what to correct.
    struct RefusedProfile {
        let name: String
        let form: FormFields
        let errors: FormErrors
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
            let kind = context.parameters.get("kind") ?? ""
            guard let file = context.form?.file("fil"), !file.data.isEmpty else {
                return try await registers(
                    request, session: session, message: nil, problems: ["Velg en fil å laste opp."], kind: kind)
            }
            let (message, problems) = try await RegisterUpload(services: services).store(
                kind: kind, file: file, actor: services.actor(session))
            return try await registers(request, session: session, message: message, problems: problems, kind: kind)
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
                    request, session: session, message: nil,
                    error: FormErrors.sentence(UserStoreError.notFound(name).description))
            }
            let form = context.form ?? FormFields()
            let profile = OfficerContact(
                fullName: form["navn"] ?? "", title: form["tittel"], phone: form["telefon"], email: form["epost"])
            let errors = Self.problems(profile, user: name)
            guard errors.isEmpty else {
                return try await users(
                    request, session: session, message: nil, error: nil,
                    refused: RefusedProfile(name: name, form: form, errors: errors))
            }
            do {
                try await services.store.setProfile(profile, name: name, actor: services.actor(session))
            } catch let error as UserStoreError {
                return try await users(
                    request, session: session, message: nil, error: FormErrors.sentence(error.description))
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
            var errors = FormErrors()
            if !fromText.isEmpty && from == nil {
                errors.add("fra", "Skriv fra-datoen som 20.11.2026 eller 2026-11-20.")
            }
            if !toText.isEmpty && to == nil {
                errors.add("til", "Skriv til-datoen som 20.11.2026 eller 2026-11-20.")
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
                session: session, path: request.uri.path, errors: errors)
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

    /// Each of the profile's problems as a sentence, on its field in the user's form (`navn-NAME`,
    /// `tittel-NAME`, `telefon-NAME`, `epost-NAME`); the rules are `OfficerContact.validated()`'s.
    static func problems(_ profile: OfficerContact, user: String) -> FormErrors {
        var errors = FormErrors()
        if profile.fullName.isEmpty {
            errors.add("navn-\(user)", "Oppgi fullt navn.")
        } else if (try? OfficerContact(fullName: profile.fullName).validated()) == nil {
            errors.add("navn-\(user)", "Skriv fullt navn med 2–100 tegn, på én linje.")
        }
        // Each field checked on its own, beside a valid name, so that every problem is named at once.
        let named = "Kari Nordmann"
        if let title = profile.title, (try? OfficerContact(fullName: named, title: title).validated()) == nil {
            errors.add("tittel-\(user)", "Skriv tittelen med 2–100 tegn, på én linje.")
        }
        if let phone = profile.phone, (try? OfficerContact(fullName: named, phone: phone).validated()) == nil {
            errors.add("telefon-\(user)", "Skriv telefonnummeret med 6–20 tegn: sifre, mellomrom og eventuelt +.")
        }
        if let email = profile.email, (try? OfficerContact(fullName: named, email: email).validated()) == nil {
            errors.add("epost-\(user)", "Skriv en e-postadresse som navn@eksempel.no.")
        }
        return errors
    }

    /// The users with the full name, title and contact the letters show, each editable; after a
    /// refused form (`refused`), that user's form as typed with its problems.
    func users(
        _ request: Request, session: WebSession, message: String?, error: String?, refused: RefusedProfile? = nil
    ) async throws -> Response {
        let rows = try await reachableUsers(session).map { user in
            guard let refused, refused.name == user.name else {
                return UserRow(
                    name: user.name, role: user.role.label, status: user.disabled ? "sperret" : "aktiv",
                    fullName: user.profile?.fullName ?? "", title: user.profile?.title ?? "",
                    phone: user.profile?.phone ?? "", email: user.profile?.email ?? "", fullNameError: nil,
                    titleError: nil, phoneError: nil, emailError: nil)
            }
            let form = refused.form
            let errors = refused.errors
            return UserRow(
                name: user.name, role: user.role.label, status: user.disabled ? "sperret" : "aktiv",
                fullName: form.get("navn") ?? "", title: form.get("tittel") ?? "", phone: form.get("telefon") ?? "",
                email: form.get("epost") ?? "", fullNameError: errors["navn-\(user.name)"],
                titleError: errors["tittel-\(user.name)"], phoneError: errors["telefon-\(user.name)"],
                emailError: errors["epost-\(user.name)"])
        }
        return try services.pages.page(
            "brukere", title: "Brukere", content: UsersContent(users: rows), session: session,
            path: request.uri.path, message: message, error: error, errors: refused?.errors ?? FormErrors(),
            status: error == nil && refused == nil ? .ok : .unprocessableContent)
    }

    /// The registers and their upload forms; after an upload of `kind` that was refused (no
    /// receipt), its problems on that form's file field.
    func registers(
        _ request: Request, session: WebSession, message: String?, problems: [String], kind: String? = nil
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
        var errors = FormErrors()
        if message == nil, !problems.isEmpty, let kind, kinds.contains(where: { $0.code == kind }) {
            errors.add(
                "fil-\(kind)",
                problems.count == 1
                    ? problems[0]
                    : "Filen ble ikke lastet opp: den har \(problems.count) feil, "
                        + "listet under «Meldinger fra opplastingen».")
        }
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
                sources: sources,
                kinds: kinds.map { kind in
                    var shown = kind
                    shown.uploadError = errors["fil-\(kind.code)"]
                    return shown
                },
                problems: problems, hasProblems: !problems.isEmpty),
            session: session, path: request.uri.path, message: message, errors: errors,
            status: message == nil && !problems.isEmpty ? .unprocessableContent : .ok)
    }
}

import Foundation
import Hummingbird
import SkjenkApp
import SkjenkCompose
import SkjenkCore
import SkjenkStore

/// The complaint log: the list with its monthly chart, the flags waiting for an officer and the
/// download, logging a complaint, one complaint with its follow-up, duplicate flags and answers
/// to the complainant, and the signed-in user's morning list (`MorningList`). Staff only, but for
/// the morning list (also the council and the director); complainants' details only for the roles
/// that may read them. What an officer does with a complaint is in `ComplaintFollowUpController`.
struct ComplaintsController {
    let services: WebServices

    struct Row: Encodable {
        let id: Int64
        let received: String
        let venue: String
        let categories: String
        let status: String
        let officer: String
        let due: String
        let overdue: Bool
    }

    struct PendingRow: Encodable {
        let id: Int64
        let episode: Int64
        let matched: Int64
        let reason: String
    }

    struct ListContent: Encodable {
        let venue: String
        let all: Bool
        let count: Int
        let items: [Row]
        let chartSVG: String
        let hasChart: Bool
        let pending: [PendingRow]
        let hasPending: Bool
        let mayExportPersonal: Bool
    }

    struct Choice: Encodable {
        let code: String
        let label: String
        let checked: Bool
    }

    /// A check box of a group; the first box's id names the group (`kategori`), for its error.
    struct Box: Encodable {
        let id: String
        let code: String
        let label: String
        let checked: Bool
    }

    struct NewContent: Encodable {
        let venue: String
        let address: String
        let incident: String
        let time: String
        let description: String
        let due: String
        let venues: [String]
        let categories: [Box]
        let sources: [Choice]
        let complainantName: String
        let complainantPhone: String
        let complainantEmail: String
    }

    struct Fact: Encodable {
        let label: String
        let value: String
    }

    struct FlagRow: Encodable {
        let episode: Int64
        let matched: Int64
        let reason: String
        let state: String
        let isPending: Bool
    }

    struct ReplyRow: Encodable {
        let heading: String
        let text: String
    }

    struct ShowContent: Encodable {
        let id: Int64
        let venue: String
        let facts: [Fact]
        let description: String
        let hasDescription: Bool
        let showComplainant: Bool
        let complainant: [String]
        let steps: [String]
        let isOpen: Bool
        let actions: [Choice]
        let reasons: [Choice]
        let flags: [FlagRow]
        let hasFlags: Bool
        let replies: [ReplyRow]
        let hasReplies: Bool
    }

    func register(_ router: Router<WebContext>) {
        router.get("/klager") { request, context -> Response in
            let session = try Access.require(Access.staff, request, context)
            let query = request.queryForm
            let venue = query.get("sted") ?? ""
            let all = query.get("alle") == "1"
            var filter = ComplaintFilter(venue: venue.isEmpty ? nil : venue, district: session.user.district)
            if !all { filter.statuses = Set(ComplaintStatus.allCases.filter(\.isOpen)) }
            let entries = try await services.store.complaintLog(filter)
            let today = services.today
            // The chart counts every status over twelve months: only those complaints are read.
            let first = YearMonth(today).adding(months: -11)
            let charted = try await services.store.complaintLog(
                ComplaintFilter(
                    venue: venue.isEmpty ? nil : venue,
                    receivedFrom: try LocalDate(year: first.year, month: first.month, day: 1),
                    district: session.user.district))
            let statistics = ComplaintStatistics(entries: charted, from: first, to: YearMonth(today))
            let chart = ComplaintChart(statistics: statistics, title: "Klager per måned").svg()
            let pending = try await services.store.pendingDuplicates(district: session.user.district).map {
                PendingRow(
                    id: $0.complaintId, episode: $0.flag.episode, matched: $0.flag.matched, reason: $0.flag.reason)
            }
            return try services.pages.page(
                "klager", title: "Klager",
                content: ListContent(
                    venue: venue, all: all, count: entries.count, items: entries.map { Self.row($0, today: today) },
                    chartSVG: chart, hasChart: statistics.total > 0, pending: pending, hasPending: !pending.isEmpty,
                    mayExportPersonal: session.user.role.mayExportComplainants),
                session: session, path: request.uri.path)
        }
        router.get("/klager/eksport.csv") { request, context -> Response in
            let session = try Access.require(Access.staff, request, context)
            // Personal data only through the form (POST, CSRF): a link on another site cannot start it.
            if request.queryForm.get("personopplysninger") == "1" {
                throw HTTPError(
                    .badRequest,
                    message: "Opplysninger om klagerne lastes ned med skjemaet på klagesiden, ikke med en lenke.")
            }
            return try await export(request, session: session, fields: request.queryForm)
        }
        router.post("/klager/eksport.csv") { request, context -> Response in
            let session = try Access.require(Access.staff, request, context)
            return try await export(request, session: session, fields: context.form ?? FormFields())
        }
        router.get("/klager/ny") { request, context -> Response in
            let session = try Access.require(Access.staff, request, context)
            return try await newPage(request, session: session, form: FormFields())
        }
        router.post("/klager") { request, context -> Response in
            let session = try Access.require(Access.staff, request, context)
            let form = context.form ?? FormFields()
            let today = services.today
            var errors = FormErrors()
            let venue = form["sted"]
            let street = form["adresse"]
            if venue == nil && street == nil {
                errors.add("sted", "Oppgi stedets navn eller adresse.")
            } else if let venue, venue.count > ComplaintRules.maxShortText {
                errors.add("sted", "Stedets navn kan ha høyst \(ComplaintRules.maxShortText) tegn.")
            }
            if let street, StreetAddress(street) == nil || street.count > ComplaintRules.maxShortText {
                errors.add("adresse", "Skriv adressen med gatenavn og husnummer, for eksempel «Thereses gate 10».")
            }
            let incident = form["hendelse"].flatMap { try? LocalDate(iso: $0) }
            if form["hendelse"] == nil {
                errors.add("hendelse", "Oppgi datoen for hendelsen.")
            } else if let incident {
                if today < incident { errors.add("hendelse", "Datoen for hendelsen kan ikke være etter i dag.") }
            } else {
                errors.add("hendelse", "Skriv datoen for hendelsen som en dato, for eksempel 20.11.2026.")
            }
            let time = form["klokkeslett"].flatMap { try? TimeOfDay($0) }
            if form["klokkeslett"] != nil && time == nil {
                errors.add("klokkeslett", "Skriv klokkeslettet med timer og minutter, for eksempel 23:30.")
            }
            let categories = Set(form.all("kategori").compactMap { ComplaintCategory(code: $0) })
            if categories.isEmpty { errors.add("kategori", "Velg minst én kategori.") }
            if let description = form["beskrivelse"], description.count > ComplaintRules.maxDescription {
                errors.add(
                    "beskrivelse",
                    "Beskrivelsen kan ha høyst \(ComplaintRules.maxDescription) tegn; legg lange vedlegg i arkivet.")
            }
            let due = form["frist"].flatMap { try? LocalDate(iso: $0) }
            if form["frist"] != nil && due == nil {
                errors.add("frist", "Skriv fristen som en dato, for eksempel 27.11.2026, eller la feltet stå tomt.")
            }
            let source = form["kilde"].flatMap { ComplaintSource(code: $0) }
            if form["kilde"] != nil && source == nil { errors.add("kilde", "Velg hvor klagen kom fra.") }
            let complainant = Complainant(
                name: form["klager_navn"], phone: form["klager_telefon"], email: form["klager_epost"])
            if let name = complainant.name, name.count > ComplaintRules.maxShortText {
                errors.add("klager_navn", "Klagerens navn kan ha høyst \(ComplaintRules.maxShortText) tegn.")
            }
            if let phone = complainant.phone, !ComplaintRules.complainantProblems(Complainant(phone: phone)).isEmpty {
                errors.add("klager_telefon", "Skriv telefonnummeret med 8–15 sifre, gjerne med + og mellomrom.")
            }
            if let email = complainant.email, !ComplaintRules.complainantProblems(Complainant(email: email)).isEmpty {
                errors.add("klager_epost", "Skriv en e-postadresse som navn@eksempel.no.")
            }
            guard errors.isEmpty, let incident else {
                return try await newPage(request, session: session, form: form, errors: errors)
            }
            let entry = ComplaintLogEntry(
                receivedAt: services.now(), incident: IncidentTime(start: incident, time: time),
                venue: ComplaintVenue(name: venue, street: street), categories: categories,
                description: form["beskrivelse"], source: source ?? .resident, officer: session.user.name,
                nextDue: due, complainant: complainant.isEmpty ? nil : complainant, district: session.user.district)
            do {
                let (id, _) = try await ComplaintDesk.receive(
                    entry,
                    intake: .standard(services.store, policy: try services.policy(forDistrict: session.user.district)),
                    store: services.store, replies: services.replies,
                    signature: services.replySignature(district: session.user.district, officer: session.user.profile),
                    actor: services.actor(session), now: services.now())
                return PageRenderer.redirect("/klager/\(id)")
            } catch let error as ComplaintLogError {
                // The rules the form's own checks do not cover (the store checks them all again).
                return try await newPage(
                    request, session: session, form: form, errors: errors,
                    error: FormErrors.sentence(error.description))
            }
        }
        router.get("/klager/:id") { request, context -> Response in
            let session = try Access.require(Access.staff, request, context)
            return try await showPage(request, context, session: session, message: nil, error: nil)
        }
        router.get("/oppfolging") { request, context -> Response in
            // Everyone with something on a morning list: staff, the council and the director.
            let session = try Access.require(Access.reviewers, request, context)
            let days = request.queryForm.get("dager").flatMap(Int.init).map { min(max($0, 0), 365) }
            let agenda = try await MorningList.dueItems(
                for: session.user, store: services.store, today: services.today,
                withinDays: days ?? MorningList.defaultWithinDays)
            return try services.pages.page(
                "oppfolging", title: "Min oppfølging", content: MorningListView(agenda), session: session,
                path: request.uri.path)
        }
    }

    func complaintId(_ context: WebContext) throws -> Int64 {
        guard let text = context.parameters.get("id"), let id = Int64(text) else { throw HTTPError(.notFound) }
        return id
    }

    /// 404 unless the complaint exists in a log the signed-in user reaches (before anything is changed).
    func checkReach(_ id: Int64, _ session: WebSession) async throws {
        guard let entry = try await services.store.complaint(id: id, includingComplainant: false),
            Access.reaches(recordOf: entry.district, session)
        else { throw HTTPError(.notFound, message: "Fant ingen klage med nummer \(id).") }
    }

    static func categories(_ entry: ComplaintLogEntry) -> String {
        ComplaintCategory.allCases.filter(entry.categories.contains).map(\.label).joined(separator: ", ")
    }

    static func row(_ entry: ComplaintLogEntry, today: LocalDate) -> Row {
        Row(
            id: entry.id ?? 0, received: NorwegianFormat.date(entry.receivedDate), venue: entry.venue.label,
            categories: categories(entry), status: entry.status.label, officer: entry.officer,
            due: entry.nextDue.map {
                NorwegianFormat.date($0) + " (" + FollowUpAgenda.dueLabel(daysOverdue: $0.days(until: today)) + ")"
            } ?? "–", overdue: entry.isOverdue(on: today))
    }

    /// The form for a new complaint: empty, or as it was typed with its problems (`errors`, and a
    /// problem with the whole form in `error`).
    func newPage(
        _ request: Request, session: WebSession, form: FormFields, errors: FormErrors = FormErrors(),
        error: String? = nil
    ) async throws -> Response {
        let chosen = Set(form.all("kategori"))
        let venues = try await services.store.licensedVenues().map(\.name).sorted(by: NorwegianOrder.less)
        let source = form["kilde"] ?? ComplaintSource.resident.code
        return try services.pages.page(
            "klage-ny", title: "Registrer en klage",
            content: NewContent(
                venue: form.get("sted") ?? "", address: form.get("adresse") ?? "",
                incident: form.get("hendelse") ?? services.today.iso,
                time: form.get("klokkeslett") ?? "", description: form.get("beskrivelse") ?? "",
                due: form.get("frist") ?? "", venues: venues,
                categories: ComplaintCategory.allCases.enumerated().map { index, category in
                    Box(
                        id: index == 0 ? "kategori" : "kategori-\(category.code)", code: category.code,
                        label: category.label, checked: chosen.contains(category.code))
                },
                sources: ComplaintSource.allCases.map {
                    Choice(code: $0.code, label: $0.label, checked: $0.code == source)
                },
                complainantName: form.get("klager_navn") ?? "", complainantPhone: form.get("klager_telefon") ?? "",
                complainantEmail: form.get("klager_epost") ?? ""),
            session: session, path: request.uri.path, error: error, errors: errors,
            status: errors.isEmpty && error == nil ? .ok : .unprocessableContent)
    }

    /// The log as CSV (`ComplaintExport`): the list's filter (`sted`, `alle`) and the received dates
    /// `fra`/`til`; complainants' details, descriptions and notes only with `personopplysninger=1`,
    /// for the roles that may export them. Audited by the store.
    func export(_ request: Request, session: WebSession, fields query: FormFields) async throws -> Response {
        let personal = query.get("personopplysninger") == "1"
        // Refused before the query is read further (ComplaintDesk.export checks the same rule).
        if personal, !session.user.role.mayExportComplainants {
            throw HTTPError(.forbidden, message: "Bare en saksbehandler kan eksportere opplysninger om klagerne.")
        }
        func date(_ name: String) throws -> LocalDate? {
            guard let text = query.get(name), !text.isEmpty else { return nil }
            guard let date = try? LocalDate(iso: text) else {
                throw HTTPError(.badRequest, message: "«\(text)» er ikke en dato (\(name)).")
            }
            return date
        }
        let venue = query.get("sted") ?? ""
        var filter = ComplaintFilter(
            venue: venue.isEmpty ? nil : venue, receivedFrom: try date("fra"), receivedTo: try date("til"),
            district: session.user.district)
        if query.get("alle") != "1" { filter.statuses = Set(ComplaintStatus.allCases.filter(\.isOpen)) }
        let (data, _) = try await ComplaintDesk.export(
            filter, includingComplainants: personal, role: session.user.role, store: services.store,
            actor: services.actor(session))
        return Response(
            status: .ok,
            headers: [
                .contentType: "text/csv; charset=utf-8",
                .contentDisposition: "attachment; filename=\"klager-\(services.today.iso).csv\"",
            ], body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    /// When it happened, as the complainant told it: the day, the time, the last day of a period and
    /// the period in words ("20. november 2026 kl. 23.30", "… til 30. november 2026 (hver helg)").
    static func incident(_ incident: IncidentTime) -> String {
        var text = NorwegianFormat.longDate(incident.start)
        if let time = incident.time { text += " kl. \(NorwegianFormat.clock(time))" }
        if let end = incident.end { text += " til \(NorwegianFormat.longDate(end))" }
        if let words = incident.text, !words.isEmpty { text += " (\(words))" }
        return text
    }

    /// The complaint's page; after a refused form, with its problems and what was typed (`errors`).
    func showPage(
        _ request: Request, _ context: WebContext, session: WebSession, message: String?, error: String?,
        errors: FormErrors = FormErrors(), status: HTTPResponse.Status? = nil
    )
        async throws -> Response
    {
        let id = try complaintId(context)
        let mayRead = session.user.role.mayReadComplainants
        guard let entry = try await services.store.complaint(id: id, includingComplainant: mayRead),
            Access.reaches(recordOf: entry.district, session)
        else {
            throw HTTPError(.notFound, message: "Fant ingen klage med nummer \(id).")
        }
        let today = services.today
        var facts = [
            Fact(label: "Mottatt", value: NorwegianFormat.dateTime(entry.receivedAt)),
            Fact(label: "Hendelse", value: Self.incident(entry.incident)),
            Fact(label: "Kategorier", value: Self.categories(entry)), Fact(label: "Kilde", value: entry.source.label),
            Fact(label: "Ansvarlig", value: entry.officer),
            Fact(label: "Status", value: entry.status.label + (entry.closingReason.map { " (\($0.label))" } ?? "")),
        ]
        if entry.status.isOpen { facts.append(Fact(label: "Neste frist", value: Self.row(entry, today: today).due)) }
        // Where it belongs, and why: the routing the officer follows up by.
        for suggestion in ComplaintRouting.suggestions(for: entry.categories, at: entry.incident.time) {
            facts.append(Fact(label: "Følges opp av", value: "\(suggestion.recipient): \(suggestion.reason)"))
        }
        let person = entry.complainant.map { [$0.name, $0.phone, $0.email, $0.address].compactMap { $0 } } ?? []
        let flags = entry.duplicateFlags.map {
            FlagRow(
                episode: $0.episode, matched: $0.matched, reason: $0.reason, state: $0.state.label,
                isPending: $0.state == .pending)
        }
        let replies = try await services.store.replies(ofComplaint: id).map {
            ReplyRow(
                heading: "\($0.kind.label.prefix(1).uppercased())\($0.kind.label.dropFirst()), "
                    + NorwegianFormat.dateTime($0.createdAt),
                text: $0.text)
        }
        return try services.pages.page(
            "klage", title: "Klage \(id)",
            content: ShowContent(
                id: id, venue: entry.venue.label, facts: facts, description: entry.description ?? "",
                hasDescription: entry.description != nil, showComplainant: mayRead && !person.isEmpty,
                complainant: person,
                steps: entry.steps.map { step in
                    "\(NorwegianFormat.dateTime(step.at)): \(step.action.label), \(step.by)"
                        + (step.note.map { " – \($0)" } ?? "")
                },
                isOpen: entry.status.isOpen,
                actions: FollowUpAction.stepActions.map {
                    Choice(code: $0.code, label: $0.label, checked: errors.values["tiltak"] == $0.code)
                },
                reasons: ClosingReason.allCases.map {
                    Choice(code: $0.code, label: $0.label, checked: errors.values["grunn"] == $0.code)
                },
                flags: flags, hasFlags: !flags.isEmpty, replies: replies, hasReplies: !replies.isEmpty),
            session: session, path: request.uri.path, message: message, error: error, errors: errors, status: status)
    }
}

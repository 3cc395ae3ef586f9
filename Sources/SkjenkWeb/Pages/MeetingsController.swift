import Foundation
import Hummingbird
import SkjenkApp
import SkjenkCompose
import SkjenkCore
import SkjenkStore

/// Meetings of the council and its committees: the district's list, a meeting's agenda (staff put
/// submitted statements on it), its document, and the secretary's record of what the body decided.
struct MeetingsController {
    let services: WebServices

    struct Row: Encodable {
        let id: Int64
        let date: String
        let body: String
        let items: Int
        let recorded: Int
    }

    struct ListContent: Encodable {
        let meetings: [Row]
        let hasMeetings: Bool
        let mayCreate: Bool
        let body: String
        let date: String
    }

    struct ItemRow: Encodable {
        let number: String
        let field: String
        let caseNumber: String
        let casePath: String
        let venue: String
        let outcome: String
        let note: String
        let isOpen: Bool
        /// The outcome form as typed (or the draft's text to start from), with each field's problem.
        let chosenApproved: Bool
        let chosenChanged: Bool
        let chosenReturned: Bool
        let reason: String
        let draftText: String
        let outcomeError: FieldError?
        let reasonError: FieldError?
        let textError: FieldError?
    }

    struct Candidate: Encodable {
        let caseNumber: String
        let label: String
        let selected: Bool
    }

    struct MeetingContent: Encodable {
        let id: Int64
        let title: String
        let items: [ItemRow]
        let hasItems: Bool
        let candidates: [Candidate]
        let mayAdd: Bool
        let hasCandidates: Bool
        let mayRecord: Bool
        let hasOpenItems: Bool
    }

    func register(_ router: Router<WebContext>) {
        router.get("/moter") { request, context -> Response in
            let session = try Access.require(Access.reviewers, request, context)
            return try await list(request, session: session, form: FormFields(), error: nil)
        }
        router.post("/moter") { request, context -> Response in
            let session = try Access.require(Access.staff, request, context)
            let form = context.form ?? FormFields()
            var errors = FormErrors()
            let body = form["organ"] ?? ""
            if (try? MeetingRules.checkedBody(body)) == nil {
                errors.add("organ", "Oppgi organet med 2–100 tegn, for eksempel «bydelsutvalget» eller en komité.")
            }
            let date = form["dato"].flatMap { try? LocalDate(iso: $0) }
            if form["dato"] == nil {
                errors.add("dato", "Oppgi møtedatoen.")
            } else if date == nil {
                errors.add("dato", "Skriv møtedatoen som en dato, for eksempel 10.12.2026.")
            }
            guard errors.isEmpty, let date else {
                return try await list(request, session: session, form: form, errors: errors)
            }
            do {
                let meeting = try await services.store.addMeeting(
                    body: body, date: date, district: session.user.district, actor: services.actor(session))
                return PageRenderer.redirect("/moter/\(meeting.id)")
            } catch let problem as MeetingProblem {
                return try await list(
                    request, session: session, form: form, errors: errors,
                    error: FormErrors.sentence(problem.description))
            }
        }
        router.get("/moter/:id") { request, context -> Response in
            let session = try Access.require(Access.reviewers, request, context)
            return try await page(request, context, session: session, message: nil, error: nil)
        }
        router.get("/moter/:id/saksframlegg/:format") { request, context -> Response in
            let session = try Access.require(Access.reviewers, request, context)
            let meeting = try await load(context, session)
            guard let code = context.parameters.get("format"), let format = StatementFormat(code: code),
                format != .archive
            else { throw HTTPError(.notFound) }
            let file = try await MeetingDesk.document(
                meeting, as: format, store: services.store, templates: services.statementTemplates)
            return Response(
                status: .ok,
                headers: [
                    .contentType: file.contentType,
                    .contentDisposition: "\(format == .html ? "inline" : "attachment"); filename=\"\(file.fileName)\"",
                ], body: .init(byteBuffer: ByteBuffer(bytes: file.data)))
        }
        router.post("/moter/:id/saker") { request, context -> Response in
            let session = try Access.require(Access.staff, request, context)
            let meeting = try await load(context, session)
            let form = context.form ?? FormFields()
            guard let text = form["sak"], let number = try? CaseNumber(text) else {
                return try await page(
                    request, context, session: session, message: nil, error: nil,
                    errors: FormErrors("sak", "Velg en sak."), typed: form)
            }
            do {
                let item = try await services.store.addMeetingItem(
                    meeting: meeting.id, case: number, actor: services.actor(session))
                return try await page(
                    request, context, session: session,
                    message: "Sak \(number.text) står på sakslisten som sak \(item.number).", error: nil)
            } catch let problem as MeetingProblem {
                return try await page(
                    request, context, session: session, message: nil, error: nil,
                    errors: FormErrors("sak", FormErrors.sentence(problem.description)), typed: form)
            }
        }
        router.post("/moter/:id/utfall") { request, context -> Response in
            let session = try Access.require(Access.secretaries, request, context)
            let meeting = try await load(context, session)
            let form = context.form ?? FormFields()
            var records: [MeetingRecord] = []
            var errors = FormErrors()
            for item in meeting.openItems {
                let field = Self.field(item.number)
                guard let code = form["utfall-\(field)"], !code.isEmpty else { continue }
                guard let outcome = MeetingOutcome(code: code) else {
                    errors.add("utfall-\(field)-vedtatt", "Velg et utfall for sak \(item.number).")
                    continue
                }
                let text = outcome == .returned ? form["begrunnelse-\(field)"] : form["tekst-\(field)"]
                switch outcome {
                case .returned where text == nil:
                    errors.add("begrunnelse-\(field)", "Skriv hvorfor sak \(item.number) sendes tilbake.")
                case .amended where text == nil:
                    errors.add("tekst-\(field)", "Skriv uttalelsen slik den ble vedtatt i sak \(item.number).")
                default: break
                }
                records.append(MeetingRecord(itemNumber: item.number, outcome: outcome, text: text))
            }
            if records.isEmpty && errors.isEmpty, let first = meeting.openItems.first {
                errors.add("utfall-\(Self.field(first.number))-vedtatt", "Velg utfallet for minst én sak.")
            }
            guard errors.isEmpty else {
                return try await page(
                    request, context, session: session, message: nil, error: nil, errors: errors, typed: form)
            }
            do {
                _ = try await services.store.recordMeeting(records, meeting: meeting.id, actor: services.actor(session))
                return try await page(
                    request, context, session: session,
                    message: "Utfallet er ført for \(records.count == 1 ? "én sak" : "\(records.count) saker").",
                    error: nil)
            } catch let problem as MeetingProblem {
                return try await page(
                    request, context, session: session, message: nil, error: FormErrors.sentence(problem.description),
                    typed: form)
            } catch let error as StatementStoreError {
                return try await page(
                    request, context, session: session, message: nil, error: FormErrors.sentence(error.description),
                    typed: form)
            }
        }
    }

    /// A form field's name for an item number ("1/26" → "1-26").
    static func field(_ number: String) -> String { number.replacingOccurrences(of: "/", with: "-") }

    /// The meeting of the path, when it exists and the user reaches its district; otherwise 404.
    func load(_ context: WebContext, _ session: WebSession) async throws -> Meeting {
        guard let id = context.parameters.get("id").flatMap(Int64.init),
            let meeting = try await services.store.meeting(id: id),
            Access.reaches(recordOf: meeting.district, session)
        else { throw HTTPError(.notFound, message: "Fant ikke møtet.") }
        return meeting
    }

    /// The meetings, and the form for a new one (as typed, with its problems, after a refusal).
    func list(
        _ request: Request, session: WebSession, form: FormFields, errors: FormErrors = FormErrors(),
        error: String? = nil
    ) async throws -> Response {
        let rows = try await services.store.meetings(district: session.user.district, from: nil).map {
            Row(
                id: $0.id, date: NorwegianFormat.longDate($0.date), body: NorwegianFormat.capitalized($0.body),
                items: $0.items.count, recorded: $0.items.count - $0.openItems.count)
        }
        return try services.pages.page(
            "moter", title: "Møter",
            content: ListContent(
                meetings: rows, hasMeetings: !rows.isEmpty, mayCreate: Access.staff.contains(session.user.role),
                body: form.get("organ") ?? "bydelsutvalget", date: form.get("dato") ?? ""),
            session: session, path: "/moter", error: error, errors: errors,
            status: error == nil && errors.isEmpty ? .ok : .unprocessableContent)
    }

    /// The meeting's page; after a refused form, its problems (`errors`) and what was typed (`typed`).
    func page(
        _ request: Request, _ context: WebContext, session: WebSession, message: String?, error: String?,
        errors: FormErrors = FormErrors(), typed: FormFields? = nil
    ) async throws -> Response {
        let meeting = try await load(context, session)
        let mayRecord = Access.secretaries.contains(session.user.role)
        var rows: [ItemRow] = []
        for item in meeting.items {
            let stored = try await services.store.storedCase(item.caseNumber)
            let draft = mayRecord && item.outcome == nil ? try await services.store.drafts(of: item.caseNumber).last : nil
            let field = Self.field(item.number)
            let chosen = typed?.get("utfall-\(field)")
            rows.append(
                ItemRow(
                    number: item.number, field: field, caseNumber: item.caseNumber.text,
                    casePath: item.caseNumber.key, venue: stored?.hearing.venue.name ?? "",
                    outcome: item.outcome?.label ?? "ikke behandlet", note: item.note ?? "",
                    isOpen: item.outcome == nil, chosenApproved: chosen == MeetingOutcome.adopted.code,
                    chosenChanged: chosen == MeetingOutcome.amended.code,
                    chosenReturned: chosen == MeetingOutcome.returned.code,
                    reason: typed?.get("begrunnelse-\(field)") ?? "",
                    draftText: typed?.get("tekst-\(field)") ?? draft?.markdown ?? "",
                    outcomeError: errors["utfall-\(field)-vedtatt"], reasonError: errors["begrunnelse-\(field)"],
                    textError: errors["tekst-\(field)"]))
        }
        let mayAdd = Access.staff.contains(session.user.role)
        var candidates: [Candidate] = []
        if mayAdd {
            for queued in try await services.store.reviewQueue(.submitted, district: session.user.district) {
                guard case .council(let body, _, _) = queued.route, body.lowercased() == meeting.body.lowercased(),
                    try await services.store.pendingMeeting(of: queued.caseNumber) == nil
                else { continue }
                candidates.append(
                    Candidate(
                        caseNumber: queued.caseNumber.text, label: "\(queued.caseNumber.text) – \(queued.venueName)",
                        selected: typed?["sak"] == queued.caseNumber.text))
            }
        }
        return try services.pages.page(
            "mote", title: "Møte – \(NorwegianFormat.capitalized(meeting.label))",
            content: MeetingContent(
                id: meeting.id, title: NorwegianFormat.capitalized(meeting.label), items: rows, hasItems: !rows.isEmpty,
                candidates: candidates, mayAdd: mayAdd, hasCandidates: !candidates.isEmpty, mayRecord: mayRecord,
                hasOpenItems: !meeting.openItems.isEmpty),
            session: session, path: "/moter", message: message, error: error, errors: errors,
            status: error == nil && errors.isEmpty ? .ok : .unprocessableContent)
    }
}

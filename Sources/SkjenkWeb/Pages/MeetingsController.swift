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
        let draftText: String
    }

    struct Candidate: Encodable {
        let caseNumber: String
        let label: String
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
            guard let date = form["dato"].flatMap({ try? LocalDate(iso: $0) }) else {
                return try await list(request, session: session, form: form, error: "Oppgi møtedatoen.")
            }
            do {
                let meeting = try await services.store.addMeeting(
                    body: form["organ"] ?? "", date: date, district: session.user.district,
                    actor: services.actor(session))
                return PageRenderer.redirect("/moter/\(meeting.id)")
            } catch let problem as MeetingProblem {
                return try await list(request, session: session, form: form, error: problem.description)
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
            guard let text = context.form?["sak"], let number = try? CaseNumber(text) else {
                return try await page(request, context, session: session, message: nil, error: "Velg en sak.")
            }
            do {
                let item = try await services.store.addMeetingItem(
                    meeting: meeting.id, case: number, actor: services.actor(session))
                return try await page(
                    request, context, session: session,
                    message: "Sak \(number.text) står på sakslisten som sak \(item.number).", error: nil)
            } catch let problem as MeetingProblem {
                return try await page(request, context, session: session, message: nil, error: problem.description)
            }
        }
        router.post("/moter/:id/utfall") { request, context -> Response in
            let session = try Access.require(Access.secretaries, request, context)
            let meeting = try await load(context, session)
            let form = context.form ?? FormFields()
            var records: [MeetingRecord] = []
            for item in meeting.openItems {
                let field = Self.field(item.number)
                guard let code = form["utfall-\(field)"], !code.isEmpty else { continue }
                guard let outcome = MeetingOutcome(code: code) else {
                    return try await page(
                        request, context, session: session, message: nil, error: "Velg et utfall for sak \(item.number).")
                }
                let text = outcome == .returned ? form["begrunnelse-\(field)"] : form["tekst-\(field)"]
                records.append(MeetingRecord(itemNumber: item.number, outcome: outcome, text: text))
            }
            guard !records.isEmpty else {
                return try await page(
                    request, context, session: session, message: nil, error: "Velg utfallet for minst én sak.")
            }
            do {
                _ = try await services.store.recordMeeting(records, meeting: meeting.id, actor: services.actor(session))
                return try await page(
                    request, context, session: session,
                    message: "Utfallet er ført for \(records.count == 1 ? "én sak" : "\(records.count) saker").",
                    error: nil)
            } catch let problem as MeetingProblem {
                return try await page(request, context, session: session, message: nil, error: problem.description)
            } catch let error as StatementStoreError {
                return try await page(request, context, session: session, message: nil, error: error.description)
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

    func list(_ request: Request, session: WebSession, form: FormFields, error: String?) async throws -> Response {
        let rows = try await services.store.meetings(district: session.user.district, from: nil).map {
            Row(
                id: $0.id, date: NorwegianFormat.longDate($0.date), body: NorwegianFormat.capitalized($0.body),
                items: $0.items.count, recorded: $0.items.count - $0.openItems.count)
        }
        return try services.pages.page(
            "moter", title: "Møter",
            content: ListContent(
                meetings: rows, hasMeetings: !rows.isEmpty, mayCreate: Access.staff.contains(session.user.role),
                body: form["organ"] ?? "bydelsutvalget", date: form["dato"] ?? ""),
            session: session, path: "/moter", error: error, status: error == nil ? .ok : .unprocessableContent)
    }

    func page(
        _ request: Request, _ context: WebContext, session: WebSession, message: String?, error: String?
    ) async throws -> Response {
        let meeting = try await load(context, session)
        let mayRecord = Access.secretaries.contains(session.user.role)
        var rows: [ItemRow] = []
        for item in meeting.items {
            let stored = try await services.store.storedCase(item.caseNumber)
            let draft = mayRecord && item.outcome == nil ? try await services.store.drafts(of: item.caseNumber).last : nil
            rows.append(
                ItemRow(
                    number: item.number, field: Self.field(item.number), caseNumber: item.caseNumber.text,
                    casePath: item.caseNumber.key, venue: stored?.hearing.venue.name ?? "",
                    outcome: item.outcome?.label ?? "ikke behandlet", note: item.note ?? "",
                    isOpen: item.outcome == nil, draftText: draft?.markdown ?? ""))
        }
        let mayAdd = Access.staff.contains(session.user.role)
        var candidates: [Candidate] = []
        if mayAdd {
            for queued in try await services.store.reviewQueue(.submitted, district: session.user.district) {
                guard case .council(let body, _, _) = queued.route, body.lowercased() == meeting.body.lowercased(),
                    try await services.store.pendingMeeting(of: queued.caseNumber) == nil
                else { continue }
                candidates.append(
                    Candidate(caseNumber: queued.caseNumber.text, label: "\(queued.caseNumber.text) – \(queued.venueName)"))
            }
        }
        return try services.pages.page(
            "mote", title: "Møte – \(NorwegianFormat.capitalized(meeting.label))",
            content: MeetingContent(
                id: meeting.id, title: NorwegianFormat.capitalized(meeting.label), items: rows, hasItems: !rows.isEmpty,
                candidates: candidates, mayAdd: mayAdd, hasCandidates: !candidates.isEmpty, mayRecord: mayRecord,
                hasOpenItems: !meeting.openItems.isEmpty),
            session: session, path: "/moter", message: message, error: error,
            status: error == nil ? .ok : .unprocessableContent)
    }
}

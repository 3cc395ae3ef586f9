import Foundation
import Hummingbird
import SkjenkApp
import SkjenkCompose
import SkjenkCore
import SkjenkStore

/// Editing a statement section by section (issue 19, item 3): the headings fixed, each section's
/// text in its own field, the conditions as items to reorder, remove and add, and each section's
/// difference from the generated text. Stored as an edited version, as before; the whole text as
/// Markdown stays available for what the sections cannot say.
struct StatementEditorController {
    let services: WebServices

    func register(_ router: Router<WebContext>) {
        router.get("/saker/:year/:seq/rediger") { request, context -> Response in
            let session = try Access.require(Access.staff, request, context)
            return try await editor(request, context, session: session, typed: nil, problems: [])
        }
        router.post("/saker/:year/:seq/rediger") { request, context -> Response in
            let session = try Access.require(Access.staff, request, context)
            let stored = try await CasesController(services: services).storedCase(context)
            let form = context.form ?? FormFields()
            let number = stored.hearing.caseNumber
            guard let latest = try await services.store.drafts(of: number).last else {
                throw HTTPError(.notFound, message: "Saken har ikke noe utkast å redigere.")
            }
            let version = form["versjon"].flatMap { Int($0) }
            var text: String
            if let whole = form["tekst"] {
                text = whole
            } else {
                do {
                    // A first condition gets the sentence the composer puts before conditions:
                    // subsidiary when the district goes against the application.
                    text = try StatementSections(markdown: latest.markdown).applying(
                        { form[$0] }, introduction: StatementSections.conditionsIntroduction(latest.outcome)
                    ).markdown
                } catch let problem as StatementSections.EditProblem {
                    return try await editor(
                        request, context, session: session, typed: form, problems: [problem])
                }
            }
            text = text.replacingOccurrences(of: "\r\n", with: "\n")
            guard !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty, text.utf8.count <= 2_000_000 else {
                return try await editor(
                    request, context, session: session, typed: form,
                    problems: [.init(field: form["tekst"] == nil ? "avsnitt-0" : "tekst", message: "Teksten er tom eller for lang (over 2 MB).")])
            }
            if text == latest.markdown {
                return try await editor(
                    request, context, session: session, typed: nil, problems: [],
                    message: "Ingen endringer å lagre.")
            }
            do {
                let draft = try await StatementDesk.storeEdit(
                    text, of: number, basedOn: version, store: services.store, actor: services.actor(session))
                return try await editor(
                    request, context, session: session, typed: nil, problems: [],
                    message: draft.map { "Den redigerte teksten er lagret som versjon \($0.version)." })
            } catch let error as StatementStoreError {
                return try await editor(
                    request, context, session: session, typed: form,
                    problems: [.init(field: "avsnitt-0", message: NorwegianFormat.capitalized(error.description) + ".")])
            }
        }
    }

    struct PartView: Encodable {
        let isText: Bool
        let isTable: Bool
        let isList: Bool
        let field: String
        let number: Int
        let hasMany: Bool
        let text: String
        let rows: Int
        let tableHTML: String
        let items: [ItemView]
        let newField: String
        let newText: String
    }

    struct ItemView: Encodable {
        let number: Int
        let field: String
        let placeField: String
        let removeField: String
        let text: String
        let place: String
        let removed: Bool
        /// The place's problem, when the form was refused for it.
        let placeError: FieldError?
    }

    struct SectionView: Encodable {
        let index: Int
        let level: Int
        let heading: String
        let parts: [PartView]
        let changed: Bool
        let diff: [TextDiff.Line]
    }

    struct EditorContent: Encodable {
        let path: String
        let caseNumber: String
        let venue: String
        let version: Int
        let origin: String
        let author: String
        let sections: [SectionView]
        let markdown: String
    }

    /// The editor for the latest version; `typed` (a refused form) fills the fields as they were sent.
    func editor(
        _ request: Request, _ context: WebContext, session: WebSession, typed: FormFields?,
        problems: [StatementSections.EditProblem], message: String? = nil
    ) async throws -> Response {
        let stored = try await CasesController(services: services).storedCase(context)
        let h = stored.hearing
        let drafts = try await services.store.drafts(of: h.caseNumber)
        guard let draft = drafts.last else {
            throw HTTPError(.notFound, message: "Saken har ikke noe utkast å redigere. Lag et utkast på saksiden først.")
        }
        let review = try await services.store.review(of: h.caseNumber)
        guard review.state == .draft || review.state == .submitted else {
            throw HTTPError(
                .conflict, message: "Uttalelsen er \(review.state.label) og kan ikke redigeres; lag nytt utkast om saken er endret.")
        }
        let sections = StatementSections(markdown: draft.markdown)
        let generated = drafts.last { $0.origin == .generated }.map { StatementSections(markdown: $0.markdown) }
        let changes = generated.map { sections.changes(from: $0) } ?? [:]
        let errors = FormErrors(problems.map { FieldError(field: $0.field, message: $0.message) })
        let views = sections.sections.enumerated().map { s, section in
            let textCount = section.parts.filter { if case .text = $0 { true } else { false } }.count
            var textNumber = 0
            let parts = section.parts.enumerated().map { p, part -> PartView in
                let field = StatementSections.field(s, p)
                switch part {
                case .text(let text):
                    textNumber += 1
                    let shown = typed?[field] ?? text
                    return PartView(
                        isText: true, isTable: false, isList: false, field: field, number: textNumber,
                        hasMany: textCount > 1, text: shown,
                        rows: min(30, max(3, shown.split(separator: "\n", omittingEmptySubsequences: false).count + 1)),
                        tableHTML: "", items: [], newField: "", newText: "")
                case .table(let table):
                    return PartView(
                        isText: false, isTable: true, isList: false, field: field, number: 0, hasMany: false, text: "",
                        rows: 0, tableHTML: HTMLRenderer.body(StatementDocument(markdown: table)), items: [],
                        newField: "", newText: "")
                case .list(let items):
                    let rows = items.enumerated().map { k, item in
                        let placeField = StatementSections.field(s, p, item: k, "-nr")
                        return ItemView(
                            number: k + 1, field: StatementSections.field(s, p, item: k), placeField: placeField,
                            removeField: StatementSections.field(s, p, item: k, "-fjern"),
                            text: typed?[StatementSections.field(s, p, item: k)] ?? item,
                            place: typed?[placeField] ?? String(k + 1),
                            removed: typed?[StatementSections.field(s, p, item: k, "-fjern")] != nil,
                            placeError: errors[placeField])
                    }
                    let newField = StatementSections.field(s, p, "-ny")
                    return PartView(
                        isText: false, isTable: false, isList: true, field: field, number: 0, hasMany: false, text: "",
                        rows: 0, tableHTML: "", items: rows, newField: newField, newText: typed?[newField] ?? "")
                }
            }
            return SectionView(
                index: s, level: max(1, section.level),
                heading: section.heading.isEmpty ? "Innledning" : section.heading, parts: parts,
                changed: changes[s] != nil,
                diff: (changes[s] ?? []).filter { $0.kind != .same && !$0.text.trimmingCharacters(in: .whitespaces).isEmpty })
        }
        return try services.pages.page(
            "rediger", title: "Rediger uttalelsen – \(h.caseNumber.text)",
            content: EditorContent(
                path: h.caseNumber.key, caseNumber: h.caseNumber.text, venue: h.venue.name, version: draft.version,
                origin: draft.origin.label, author: draft.author, sections: views,
                markdown: typed?["tekst"] ?? draft.markdown),
            session: session, path: request.uri.path, message: message, errors: errors)
    }
}

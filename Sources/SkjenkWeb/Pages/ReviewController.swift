import Foundation
import Hummingbird
import SkjenkApp
import SkjenkCompose
import SkjenkCore
import SkjenkStore

/// BU review: the statements waiting, each to read, approve (with meeting date and item for the
/// council) or return with a comment. Council members and staff.
struct ReviewController {
    let services: WebServices

    struct Item: Encodable {
        let path: String
        let caseNumber: String
        let venue: String
        let outcome: String
        let route: String
        let deadline: String
    }

    struct ListContent: Encodable {
        let items: [Item]
        let hasItems: Bool
    }

    struct DraftContent: Encodable {
        let path: String
        let caseNumber: String
        let venue: String
        let reviewState: String
        let draftVersion: Int
        let route: String
        let draftHTML: String
        let isSubmitted: Bool
        let isCouncil: Bool
        let meetingDate: String
        let itemNumber: String
        /// The comment of a refused return, as typed.
        let comment: String
    }

    func register(_ router: Router<WebContext>) {
        router.get("/behandling") { request, context -> Response in
            let session = try Access.require(Access.reviewers, request, context)
            return try await queue(request, session: session, message: nil)
        }
        router.get("/behandling/:year/:seq") { request, context -> Response in
            let session = try Access.require(Access.reviewers, request, context)
            return try await page(request, context, session: session, message: nil, error: nil)
        }
        router.post("/behandling/:year/:seq/vedta") { request, context -> Response in
            let session = try Access.require(Access.reviewers, request, context)
            let (stored, draft, _) = try await load(context)
            var decision = draft.route
            let form = context.form ?? FormFields()
            if case .council(let body, _, _) = draft.route {
                var errors = FormErrors()
                let meeting = form["mote"].flatMap { try? LocalDate(iso: $0) }
                if form["mote"] == nil {
                    errors.add("mote", "Oppgi datoen for møtet som vedtok uttalelsen.")
                } else if meeting == nil {
                    errors.add("mote", "Skriv møtedatoen som en dato, for eksempel 10.12.2026.")
                }
                let item = form["sak"]
                if item == nil { errors.add("sak", "Oppgi saksnummeret i møtet, for eksempel 52/26.") }
                errors.keep(form, "mote", "sak")
                guard errors.isEmpty, let meeting, let item else {
                    return try await page(request, context, session: session, message: nil, error: nil, errors: errors)
                }
                decision = .council(body: body, meetingDate: meeting, itemNumber: item)
            }
            do {
                _ = try await StatementDesk.review(
                    .approve(decision), of: stored, policies: services.policies, store: services.store,
                    today: services.today, actor: services.actor(session))
                return try await page(request, context, session: session, message: "Uttalelsen er vedtatt.", error: nil)
            } catch StatementDeskError.staleDraft {
                // The reviewer cannot write a new draft: say who can.
                return try await page(
                    request, context, session: session, message: nil,
                    error: "Utkastet er utdatert: saken eller vurderingen er endret. Saksbehandleren må lage et nytt.")
            } catch let error as StatementStoreError {
                var typed = FormErrors()
                typed.keep(context.form?.get("kommentar"), as: "kommentar")
                return try await page(
                    request, context, session: session, message: nil, error: FormErrors.sentence(error.description),
                    errors: typed)
            }
        }
        router.post("/behandling/:year/:seq/returner") { request, context -> Response in
            let session = try Access.require(Access.reviewers, request, context)
            let (stored, _, _) = try await load(context)
            guard let comment = context.form?["kommentar"] else {
                return try await page(
                    request, context, session: session, message: nil, error: nil,
                    errors: FormErrors(
                        "kommentar", "Skriv hvorfor utkastet sendes tilbake, så saksbehandleren vet hva som skal rettes."))
            }
            do {
                _ = try await services.store.applyReview(
                    .returnToDraft(comment: comment), to: stored.hearing.caseNumber, actor: services.actor(session))
                // The draft is no longer the council's to read: back to the list, with the receipt.
                return try await queue(
                    request, session: session,
                    message: "Utkastet i sak \(stored.hearing.caseNumber.text) er sendt tilbake til saksbehandleren.")
            } catch let error as StatementStoreError {
                var typed = FormErrors()
                typed.keep(context.form?.get("kommentar"), as: "kommentar")
                return try await page(
                    request, context, session: session, message: nil, error: FormErrors.sentence(error.description),
                    errors: typed)
            }
        }
    }

    /// The drafts waiting for review.
    func queue(_ request: Request, session: WebSession, message: String?) async throws -> Response {
        let items = try await services.store.reviewQueue(.submitted, district: session.user.district).map {
            Item(
                path: $0.caseNumber.key, caseNumber: $0.caseNumber.text, venue: $0.venueName,
                outcome: $0.outcome.label, route: $0.route.label, deadline: NorwegianFormat.date($0.deadline))
        }
        return try services.pages.page(
            "behandling", title: "Til behandling", content: ListContent(items: items, hasItems: !items.isEmpty),
            session: session, path: "/behandling", message: message)
    }

    func load(_ context: WebContext) async throws -> (StoredCase, StatementDraft, ReviewStatus) {
        guard let year = context.parameters.get("year"), let seq = context.parameters.get("seq"),
            let number = try? CaseNumber("\(year)/\(seq)"), let stored = try await services.store.storedCase(number),
            let session = context.session, Access.reaches(stored.hearing.district, session),
            let draft = try await services.store.drafts(of: number).last
        else { throw HTTPError(.notFound, message: "Fant ingen uttalelse for saken.") }
        let review = try await services.store.review(of: number)
        // Council members read only what has been sent to them.
        if [.councilMember, .manager].contains(context.session?.user.role) && review.state == .draft {
            throw HTTPError(.forbidden, message: "Utkastet er ikke sendt til behandling.")
        }
        return (stored, draft, review)
    }

    /// The draft with the forms to approve or return it; after a refusal, why (`error`, `errors`),
    /// with the forms as typed (`errors.values`).
    func page(
        _ request: Request, _ context: WebContext, session: WebSession, message: String?, error: String?,
        errors: FormErrors = FormErrors()
    )
        async throws -> Response
    {
        let (stored, draft, review) = try await load(context)
        var meeting = ""
        var item = ""
        if case .council(_, let date, let number) = draft.route {
            meeting = date.iso
            item = number
        }
        return try services.pages.page(
            "behandling-sak", title: "Behandling – \(stored.hearing.venue.name)",
            content: DraftContent(
                path: stored.hearing.caseNumber.key, caseNumber: stored.hearing.caseNumber.text,
                venue: stored.hearing.venue.name, reviewState: review.state.label, draftVersion: draft.version,
                route: draft.route.label, draftHTML: HTMLRenderer.body(StatementDocument(markdown: draft.markdown)),
                isSubmitted: review.state == .submitted, isCouncil: !draft.route.isDelegated,
                meetingDate: errors.values["mote"] ?? meeting, itemNumber: errors.values["sak"] ?? item,
                comment: errors.values["kommentar"] ?? ""),
            session: session, path: request.uri.path, message: message, error: error, errors: errors,
            status: error == nil && errors.isEmpty ? .ok : .unprocessableContent)
    }
}

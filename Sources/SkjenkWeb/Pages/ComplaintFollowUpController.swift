import Foundation
import Hummingbird
import SkjenkApp
import SkjenkCore
import SkjenkStore

/// What an officer does with one complaint: records a step, closes it (the closing answer to the
/// complainant is stored with it), reopens it, and decides a duplicate flag (link it to the
/// episode, or not). Each answers with the complaint's page, a message or the reason it was refused
/// (field by field, `FormErrors`, with what was typed kept in the form).
struct ComplaintFollowUpController {
    let services: WebServices
    var pages: ComplaintsController { ComplaintsController(services: services) }

    func register(_ router: Router<WebContext>) {
        router.post("/klager/:id/steg") { request, context -> Response in
            try await act(request, context, keeping: ["tiltak": "tiltak", "notat": "notat", "frist": "frist"]) {
                id, form, session in
                var errors = FormErrors()
                let action = form["tiltak"].flatMap { FollowUpAction(code: $0) }
                if action.map({ !FollowUpAction.stepActions.contains($0) }) ?? true {
                    errors.add("tiltak", "Velg hva som ble gjort.")
                }
                let due = try nextDue(form, field: "frist", district: session.user.district, errors: &errors)
                try errors.check()
                guard let action, let due else { return "" }
                let step = FollowUpStep(
                    action: action, note: form["notat"], by: session.user.name, at: services.now(), nextDue: due)
                _ = try await services.store.addStep(step, toComplaint: id, actor: services.actor(session))
                return "Steget er registrert."
            }
        }
        router.post("/klager/:id/avslutt") { request, context -> Response in
            try await act(request, context, keeping: ["grunn": "grunn", "notat": "avslutt-notat"]) {
                id, form, session in
                guard let reason = form["grunn"].flatMap({ ClosingReason(code: $0) }) else {
                    throw FormErrors("grunn", "Velg hvorfor klagen avsluttes.")
                }
                let step = FollowUpStep(
                    action: .closed, note: form["notat"], by: session.user.name, at: services.now(),
                    closingReason: reason)
                _ = try await ComplaintDesk.addStep(
                    step, to: id, store: services.store, replies: services.replies,
                    signature: services.replySignature(district: session.user.district, officer: session.user.profile),
                    actor: services.actor(session), now: services.now())
                return "Klagen er avsluttet, og svaret til klageren er lagret med klagen."
            }
        }
        router.post("/klager/:id/gjenapne") { request, context -> Response in
            try await act(request, context, keeping: ["notat": "gjenapne-notat", "frist": "gjenapne-frist"]) {
                id, form, session in
                var errors = FormErrors()
                if form["notat"] == nil { errors.add("gjenapne-notat", "Skriv hvorfor klagen gjenåpnes.") }
                let due = try nextDue(
                    form, field: "gjenapne-frist", district: session.user.district, errors: &errors)
                try errors.check()
                guard let due else { return "" }
                let step = FollowUpStep(
                    action: .reopened, note: form["notat"], by: session.user.name, at: services.now(), nextDue: due)
                _ = try await services.store.addStep(step, toComplaint: id, actor: services.actor(session))
                return "Klagen er gjenåpnet."
            }
        }
        router.post("/klager/:id/dublett") { request, context -> Response in
            try await act(request, context, keeping: [:]) { id, form, session in
                guard let episode = form["episode"].flatMap({ Int64($0) }) else {
                    throw Refusal("Oppgi episoden klagen er merket mot.")
                }
                let link: Bool
                switch form["valg"] {
                case "koble": link = true
                case "avvis": link = false
                default: throw Refusal("Velg om klagen skal kobles til episoden eller ikke.")
                }
                try await services.store.decideDuplicate(
                    complaint: id, episode: episode, link: link, actor: services.actor(session))
                return link
                    ? "Klagen er koblet til episode \(episode)."
                    : "Klagen er ikke samme episode som \(episode); merket er fjernet."
            }
        }
    }

    /// A refusal that is about the whole form, not one field: shown on the complaint's page, nothing stored.
    struct Refusal: Error {
        let message: String
        init(_ message: String) { self.message = message }
    }

    /// Runs one action for staff and shows the complaint again with its message, or with why the
    /// action was refused (a field's problem, a bad form, or the status flow's rules) and the fields
    /// of the form it ran (`keeping`: form name → input id) as they were typed.
    func act(
        _ request: Request, _ context: WebContext, keeping fields: [String: String],
        _ body: (Int64, FormFields, WebSession) async throws -> String
    ) async throws -> Response {
        let session = try Access.require(Access.staff, request, context)
        let id = try pages.complaintId(context)
        try await pages.checkReach(id, session)
        let form = context.form ?? FormFields()
        var typed = FormErrors()
        for (name, field) in fields { typed.keep(form.get(name), as: field) }
        do {
            let message = try await body(id, form, session)
            return try await pages.showPage(request, context, session: session, message: message, error: nil)
        } catch let errors as FormErrors {
            typed.add(errors)
            return try await pages.showPage(request, context, session: session, message: nil, error: nil, errors: typed)
        } catch let refusal as Refusal {
            return try await pages.showPage(
                request, context, session: session, message: nil, error: refusal.message, errors: typed,
                status: .unprocessableContent)
        } catch let error as ComplaintLogError {
            return try await pages.showPage(
                request, context, session: session, message: nil,
                error: FormErrors.sentence(error.description), errors: typed, status: .unprocessableContent)
        }
    }

    /// The next step's due date: the form's, or the follow-up days from today in the policy of the
    /// user's district; nil, with the field's problem in `errors`, when it is not a date.
    func nextDue(
        _ form: FormFields, field: String, district: String?, errors: inout FormErrors
    ) throws -> LocalDate? {
        if let text = form["frist"] {
            guard let date = try? LocalDate(iso: text) else {
                errors.add(field, "Skriv fristen som en dato, for eksempel 27.11.2026, eller la feltet stå tomt.")
                return nil
            }
            return date
        }
        return services.today.adding(days: try services.policy(forDistrict: district).followUpDays)
    }
}

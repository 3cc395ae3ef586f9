import Foundation
import Hummingbird
import SkjenkApp
import SkjenkCore
import SkjenkStore

/// The renewals with nothing against them, drafted as short statements in one action and put to the
/// director or a meeting together.
struct RenewalsController {
    let services: WebServices

    struct Row: Encodable {
        let id: String
        let caseNumber: String
        let path: String
        let venue: String
        let deadline: String
        let checked: Bool
    }

    struct Choice: Encodable {
        let value: String
        let label: String
        let selected: Bool
    }

    struct Content: Encodable {
        let rows: [Row]
        let hasRows: Bool
        let choices: [Choice]
        let report: [String]
        let hasReport: Bool
    }

    func register(_ router: Router<WebContext>) {
        router.get("/saker/fornyelser") { request, context -> Response in
            let session = try Access.require(Access.staff, request, context)
            return try await page(request, session: session, report: [], message: nil, error: nil)
        }
        router.post("/saker/fornyelser") { request, context -> Response in
            let session = try Access.require(Access.staff, request, context)
            let form = context.form ?? FormFields()
            let chosen = Set(form.all("sak"))
            var errors = FormErrors()
            if chosen.isEmpty { errors.add(Self.firstBox, "Velg minst én fornyelse.") }
            var meeting: Meeting?
            if let text = form["vei"], text != "direktor" {
                if let id = Int64(text), let found = try await services.store.meeting(id: id),
                    Access.reaches(recordOf: found.district, session)
                {
                    meeting = found
                } else {
                    errors.add("vei", "Velg bydelsdirektøren eller et av møtene i listen.")
                }
            }
            guard errors.isEmpty else {
                return try await page(
                    request, session: session, report: [], message: nil, error: nil, errors: errors, typed: form)
            }
            let candidates = try await RenewalDesk.candidates(
                store: services.store, policies: try services.policies(), district: session.user.district,
                today: services.today
            ).filter { chosen.contains($0.hearing.caseNumber.text) }
            let outcome = try await RenewalDesk.draftAll(
                candidates, meeting: meeting, today: services.today, templates: services.statementTemplates,
                store: services.store, actor: services.actor(session), officer: session.user.profile)
            var report = outcome.drafted.map { number in
                let item = outcome.onAgenda.first { $0.0 == number }?.1
                return "\(number.text): kort uttalelse sendt til behandling" + (item.map { ", sak \($0) i møtet" } ?? "")
            }
            report += outcome.refused.map { "\($0.0.text): ikke laget – \($0.1)" }
            return try await page(
                request, session: session, report: report,
                message: "Fornyelser med kort uttalelse: \(outcome.drafted.count) av \(candidates.count).",
                error: nil)
        }
    }

    /// The id the group of boxes goes by in `FormErrors`: its first box gets it.
    static let firstBox = "sak"

    /// The renewals to choose from; after a refused form, its problems (`errors`) and the choices
    /// as they were made (`typed`).
    func page(
        _ request: Request, session: WebSession, report: [String], message: String?, error: String?,
        errors: FormErrors = FormErrors(), typed: FormFields? = nil
    ) async throws -> Response {
        let candidates = try await RenewalDesk.candidates(
            store: services.store, policies: try services.policies(), district: session.user.district,
            today: services.today)
        let chosen = typed.map { Set($0.all("sak")) }
        let rows = candidates.enumerated().map { index, candidate in
            Row(
                id: index == 0 ? Self.firstBox : "sak-\(candidate.hearing.caseNumber.key)",
                caseNumber: candidate.hearing.caseNumber.text, path: candidate.hearing.caseNumber.key,
                venue: candidate.hearing.venue.name, deadline: NorwegianFormat.date(candidate.hearing.deadline),
                checked: chosen?.contains(candidate.hearing.caseNumber.text) ?? true)
        }
        let route = typed?["vei"] ?? "direktor"
        let meetings = try await services.store.meetings(district: session.user.district, from: services.today)
        let choices =
            [Choice(value: "direktor", label: "Bydelsdirektøren (delegert)", selected: route == "direktor")]
            + meetings.map {
                Choice(
                    value: String($0.id), label: NorwegianFormat.capitalized($0.label), selected: route == String($0.id))
            }
        return try services.pages.page(
            "fornyelser", title: "Fornyelser uten merknader",
            content: Content(rows: rows, hasRows: !rows.isEmpty, choices: choices, report: report, hasReport: !report.isEmpty),
            session: session, path: "/saker", message: message, error: error, errors: errors,
            status: error == nil && errors.isEmpty ? .ok : .unprocessableContent)
    }
}

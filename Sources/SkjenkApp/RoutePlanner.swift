import Foundation
import SkjenkCompose
import SkjenkCore
import SkjenkStore

/// Who decides a statement under the district's delegation, the route to draft it for (the body's
/// next meeting when the council decides), and whether the hearing's deadline comes before it.
public struct RoutePlan: Sendable, Hashable {
    /// What the delegation says, with its reason; nil when the policy has no delegation (the
    /// director decides every statement).
    public let suggestion: RouteSuggestion?
    /// The route a first draft is written for; nil when the council decides and no meeting of the
    /// body is planned.
    public let route: DecisionRoute?
    /// The deadline against the body's meetings (council cases only).
    public let deadline: DeadlineCheck.Finding?
}

/// Why a draft has no route to be written for.
public struct NoMeetingPlanned: Error, Sendable, Equatable, CustomStringConvertible {
    public let body: String
    public let reason: String

    public var description: String {
        "\(reason) Det er ikke lagt inn noe møte i \(body) fra i dag; legg inn neste møte (Møter, eller "
            + "skjenk meetings create) eller velg vedtaksvei selv."
    }
}

public enum RoutePlanner {
    /// The plan for `hearing` with `outcome` under `policy`'s delegation on `today`. The body's
    /// meetings are those of the hearing's district (and those of no district, in a deployment for
    /// one); a first draft for the council is written for the next one (its item number comes when
    /// it is put on the agenda).
    public static func plan(
        _ hearing: Hearing, outcome: StatementOutcome, policy: Policy, store: any AppStore, today: LocalDate
    ) async throws -> RoutePlan {
        guard let delegation = policy.delegation else {
            return RoutePlan(suggestion: nil, route: .delegated(signatory: nil), deadline: nil)
        }
        let suggestion = delegation.route(for: hearing.applicationType, outcome: outcome, on: today)
        guard case .council(let body, _) = suggestion else {
            return RoutePlan(suggestion: suggestion, route: .delegated(signatory: nil), deadline: nil)
        }
        // The body's meetings from today on, of the hearing's district (or of none, for one district).
        let meetings = try await store.meetings(district: nil, from: today).filter {
            ($0.district == nil || $0.district == hearing.district) && $0.body.lowercased() == body.lowercased()
        }
        let deadline = DeadlineCheck.check(
            deadline: hearing.deadline, body: body, meetings: meetings.map(\.date), today: today)
        guard let next = meetings.first(where: { $0.date >= today }) else {
            return RoutePlan(suggestion: suggestion, route: nil, deadline: deadline)
        }
        // The item number comes when the statement is put on the agenda.
        let route = DecisionRoute.council(body: next.body, meetingDate: next.date, itemNumber: "")
        return RoutePlan(suggestion: suggestion, route: route, deadline: deadline)
    }

    /// The route a first draft is written for, or why there is none.
    public static func route(_ plan: RoutePlan) throws -> DecisionRoute {
        if let route = plan.route { return route }
        if case .council(let body, let reason)? = plan.suggestion { throw NoMeetingPlanned(body: body, reason: reason) }
        return .delegated(signatory: nil)
    }
}

/// Why no request for a later deadline is written: the deadline holds (or the director decides).
public struct DeadlineHolds: Error, Sendable, Equatable, CustomStringConvertible {
    public var description: String {
        "fristen holder: saken kan avgjøres før høringsfristen, så det trengs ingen anmodning om utsatt frist"
    }
}

extension RoutePlanner {
    /// Writes the request to Næringsetaten for a later deadline from the template `md/fristutsettelse`
    /// and stores it with the case, when the plan flags the deadline; otherwise `DeadlineHolds`.
    public static func requestLaterDeadline(
        _ prepared: PreparedCase, store: any AppStore, templates: TemplateSet, officer: OfficerContact?, actor: Actor,
        today: LocalDate
    ) async throws -> CaseLetter {
        let hearing = prepared.hearing
        let outcome =
            try await store.drafts(of: hearing.caseNumber).last?.outcome
            ?? StatementOutcome.suggested(by: prepared.assessment)
        let plan = try await plan(hearing, outcome: outcome, policy: prepared.policy, store: store, today: today)
        guard let finding = plan.deadline else { throw DeadlineHolds() }
        let markdown = try DeadlineRequest(templates: templates).markdown(
            hearing, finding: finding, district: prepared.policy.district, officer: officer, today: today)
        return try await store.addCaseLetter(
            CaseLetter(
                caseNumber: hearing.caseNumber, kind: .deadlineRequest, markdown: markdown,
                requestedDeadline: finding.requestedDeadline, createdAt: Date(), createdBy: actor.name),
            actor: actor)
    }
}
